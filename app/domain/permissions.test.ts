// The permission table's invariants, and one snapshot of the whole table so that any change to who may
// do what shows up as a diff in review. Whether each permission is used somewhere is checked in
// app/commands/permission-usage.test.ts (it reads the source tree, which the domain may not).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { organizationStatuses, roles } from "./organizations";
import { can, permissionActions, permittedActions } from "./permissions";

const approved = (role: (typeof roles)[number]) => ({ role, organizationStatus: "approved" as const });

describe("the permission table", () => {
  test("as it stands (a change here is a change in who may do what: review it against DESIGN.md)", () => {
    const table = Object.fromEntries(roles.map((role) => [role, permittedActions(approved(role))]));
    expect(table).toMatchInlineSnapshot(`
      {
        "coordinator": [
          "home.view",
          "profile.manage",
          "organization.review",
          "recycler.manage",
          "invite.create",
          "mailbox.view",
          "device.register",
          "device.viewAll",
          "device.list",
          "device.release",
          "device.return",
          "device.recycle",
          "catalogue.view",
          "request.review",
          "match.run",
          "match.confirm",
          "impact.view",
          "user.manage",
          "organization.contact",
        ],
        "department": [
          "home.view",
          "profile.manage",
          "device.register",
          "device.viewOwnDepartment",
          "impact.view",
          "organization.contact",
        ],
        "employee": [
          "home.view",
          "profile.manage",
          "handover.sign",
          "request.create",
          "catalogue.view",
          "sale.purchase",
        ],
        "recipient": [
          "home.view",
          "profile.manage",
          "handover.sign",
          "device.return",
          "request.create",
          "catalogue.view",
        ],
        "technician": [
          "home.view",
          "profile.manage",
          "device.viewAll",
          "device.collect",
          "wipe.record",
          "wipe.validate",
          "device.certify",
          "device.list",
          "device.release",
          "device.handover",
          "pickup.prepare",
          "device.recycle",
        ],
      }
    `);
  });

  test("members of an organization that is not approved may do nothing at all", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.constantFrom(...organizationStatuses.filter((status) => status !== "approved")),
        fc.constantFrom(...permissionActions),
        (role, organizationStatus, action) => {
          expect(can({ role, organizationStatus }, action)).toBe(false);
        },
      ),
    );
    for (const role of roles) {
      expect(permittedActions({ role, organizationStatus: "pending" })).toEqual([]);
      expect(permittedActions({ role, organizationStatus: "rejected" })).toEqual([]);
    }
  });

  test("every permission is granted to some role (none is dead)", () => {
    const granted = new Set(roles.flatMap((role) => permittedActions(approved(role))));
    expect(permissionActions.filter((action) => !granted.has(action))).toEqual([]);
  });

  test("every approved member reaches their home page and their own profile", () => {
    for (const role of roles) {
      expect(can(approved(role), "home.view"), role).toBe(true);
      expect(can(approved(role), "profile.manage"), role).toBe(true);
    }
  });

  test("a role sees either every device or its own department's, never both", () => {
    for (const role of roles) {
      expect(can(approved(role), "device.viewAll") && can(approved(role), "device.viewOwnDepartment"), role).toBe(false);
    }
  });

  test("whoever may certify a wipe may also record and validate wipes (the two-person rule needs two such people)", () => {
    for (const role of roles.filter((each) => can(approved(each), "device.certify"))) {
      expect(can(approved(role), "wipe.record"), role).toBe(true);
      expect(can(approved(role), "wipe.validate"), role).toBe(true);
    }
  });

  test("people outside city staff (recipients, employees) never see all devices or handle wipes", () => {
    const staffOnly = [
      "device.viewAll",
      "device.viewOwnDepartment",
      "device.register",
      "device.collect",
      "wipe.record",
      "wipe.validate",
      "device.certify",
    ] as const;
    for (const role of ["recipient", "employee"] as const) {
      expect(
        staffOnly.filter((action) => can(approved(role), action)),
        role,
      ).toEqual([]);
    }
  });
});
