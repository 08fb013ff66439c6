import { describe, expect, test } from "vitest";
import { can, permissionActions, permittedActions, type PermissionAction, type Role } from "./permissions";

// The expected table, written out by hand: one column per role, in this order.
const roleColumns: Role[] = ["coordinator", "department", "technician", "recipient", "employee"];
const expected: Record<PermissionAction, string> = {
  //                          coord  dept  tech  recip  empl
  "home.view": "x     x     x     x      x",
  "profile.manage": "x     x     x     x      x",
  "organization.review": "x     .     .     .      .",
  "invite.create": "x     .     .     .      .",
  "mailbox.view": "x     .     .     .      .",
  "device.register": "x     x     .     .      .",
  "device.viewAll": "x     .     x     .      .",
  "device.viewOwnDepartment": ".     x     .     .      .",
  "device.collect": ".     .     x     .      .",
  "wipe.record": ".     .     x     .      .",
  "wipe.validate": ".     .     x     .      .",
  "device.certify": ".     .     x     .      .",
  "device.list": "x     .     x     .      .",
  "device.release": "x     .     x     .      .",
  "device.handover": ".     .     x     .      .",
  "handover.sign": ".     .     .     x      x",
  "device.return": "x     .     .     x      .",
  "device.recycle": "x     .     x     .      .",
  "request.create": ".     .     .     x      x",
  "request.review": "x     .     .     .      .",
  "match.run": "x     .     .     .      .",
  "match.confirm": "x     .     .     .      .",
  "sale.purchase": ".     .     .     .      x",
  "impact.view": "x     x     .     .      .",
};

const cells = permissionActions.flatMap((action) => {
  const marks = expected[action].split(/\s+/);
  return roleColumns.map((role, column) => ({ action, role, allowed: marks[column] === "x" }));
});

describe("the permission table", () => {
  test("the expected table covers every action, five roles each", () => {
    expect(Object.keys(expected).sort()).toEqual([...permissionActions].sort());
    for (const action of permissionActions) expect(expected[action].split(/\s+/)).toHaveLength(5);
  });

  test.each(cells)("$role may $action: $allowed", ({ action, role, allowed }) => {
    expect(can({ role, organizationStatus: "approved" }, action)).toBe(allowed);
  });

  test.each(cells)("$role of a pending organization may not $action", ({ action, role }) => {
    expect(can({ role, organizationStatus: "pending" }, action)).toBe(false);
    expect(can({ role, organizationStatus: "rejected" }, action)).toBe(false);
  });

  test("permittedActions lists exactly the allowed cells", () => {
    for (const role of roleColumns) {
      const allowed = cells.filter((cell) => cell.role === role && cell.allowed).map((cell) => cell.action);
      expect(permittedActions({ role, organizationStatus: "approved" })).toEqual(allowed);
    }
  });
});
