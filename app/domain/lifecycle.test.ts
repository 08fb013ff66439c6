import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  availableActions,
  decideTransition,
  deviceStatuses,
  lifecycleActions,
  mayEditRegistration,
  registrationDepartment,
  transitions,
  type DeviceFacts,
  type DeviceStatus,
  type LifecycleAction,
  type LifecycleActor,
  type TransitionInput,
} from "./lifecycle";
import type { Role } from "./permissions";

const departmentId = 10;
const itServiceId = 20;
const schoolId = 30;

// The expected lifecycle, written out by hand from DESIGN.md: from which states, and by whom.
const expectedTable: Record<LifecycleAction, { from: (DeviceStatus | "new")[]; who: (Role | "system")[]; to: DeviceStatus }> = {
  register: { from: ["new"], who: ["coordinator", "department"], to: "registered" },
  collect: { from: ["registered"], who: ["technician"], to: "collected" },
  certify: { from: ["collected"], who: ["technician"], to: "wiped" },
  list: { from: ["wiped"], who: ["technician", "coordinator"], to: "listed" },
  reserve: { from: ["listed"], who: ["coordinator", "employee"], to: "reserved" },
  release: { from: ["reserved"], who: ["coordinator", "technician", "system"], to: "listed" },
  handover: { from: ["reserved"], who: ["technician", "system", "recipient", "employee"], to: "deployed" },
  return: { from: ["deployed"], who: ["recipient", "coordinator"], to: "collected" },
  recycle: { from: ["registered", "collected", "wiped", "listed"], who: ["technician", "coordinator"], to: "recycled" },
};

const roles: Role[] = ["coordinator", "department", "technician", "recipient", "employee"];
const actorKinds: (Role | "system")[] = [...roles, "system"];

function actorFor(who: Role | "system"): LifecycleActor {
  if (who === "system") return { kind: "system", reason: "payment" };
  const organizationId = who === "department" ? departmentId : who === "recipient" ? schoolId : itServiceId;
  return { kind: "user", userId: `user-${who}`, role: who, organizationId, organizationStatus: "approved" };
}

const validInput: Record<LifecycleAction, TransitionInput> = {
  register: { action: "register" },
  collect: { action: "collect", itServiceId },
  certify: { action: "certify", certificateNumber: "WC-2026-000001" },
  list: { action: "list", grade: "A" },
  reserve: { action: "reserve", requestId: 7 },
  release: { action: "release", reason: "Recipient no longer needs it" },
  handover: { action: "handover", recipient: { kind: "organization", organizationId: schoolId }, signatureId: 3 },
  return: { action: "return", itServiceId },
  recycle: { action: "recycle", recycler: "Recupel Partner NV", certificateNumber: "R2-88812" },
};

/** Facts in which every guard passes, so that only role and state decide. */
function factsIn(status: DeviceStatus | null, who: Role | "system" = "technician"): DeviceFacts {
  return {
    status,
    owningDepartmentId: departmentId,
    holder: status === "deployed" ? { kind: "organization", organizationId: schoolId } : { kind: "organization", organizationId: itServiceId },
    everyMediumSanitizedSinceCollection: true,
    // Reserved for whoever asks, so that a recipient's or employee's own signature passes.
    reservedFor: who === "employee" ? { kind: "employee", userId: "user-employee" } : { kind: "organization", organizationId: schoolId },
  };
}

const states: (DeviceStatus | null)[] = [null, ...deviceStatuses];

describe("the lifecycle table", () => {
  const cells = states.flatMap((status) => lifecycleActions.flatMap((action) => actorKinds.map((who) => ({ status, action, who }))));

  test.each(cells)("$who: $action from $status", ({ status, action, who }) => {
    const row = expectedTable[action];
    const decision = decideTransition(factsIn(status, who), validInput[action], actorFor(who));
    if (!row.who.includes(who)) {
      expect(decision).toEqual({ ok: false, reason: "forbidden" });
    } else if (!row.from.includes(status ?? "new")) {
      expect(decision).toEqual({ ok: false, reason: "invalid-state", status });
    } else {
      expect(decision.ok).toBe(true);
      if (decision.ok) {
        expect(decision.to).toBe(row.to);
        expect(decision.event).toMatchObject({ type: action, fromStatus: status, toStatus: row.to });
      }
    }
  });

  test("the module's table and the written one agree on targets", () => {
    for (const transition of transitions) expect(transition.to).toBe(expectedTable[transition.action].to);
    expect(transitions.map((transition) => transition.action).sort()).toEqual([...lifecycleActions].sort());
  });
});

describe("the lifecycle graph", () => {
  function reachableFromNew(without: DeviceStatus | null = null): Set<DeviceStatus | null> {
    const reached = new Set<DeviceStatus | null>([null]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const transition of transitions) {
        if (transition.to === without) continue;
        if (transition.from.some((from) => reached.has(from)) && !reached.has(transition.to)) {
          reached.add(transition.to);
          grew = true;
        }
      }
    }
    return reached;
  }

  test("every state is reachable and every target is a state", () => {
    const reached = reachableFromNew();
    for (const status of deviceStatuses) expect(reached.has(status), status).toBe(true);
    for (const transition of transitions) expect(deviceStatuses).toContain(transition.to);
  });

  test("nothing leaves the city without a wipe: listed, reserved and deployed only through wiped", () => {
    const reached = reachableFromNew("wiped");
    expect(reached.has("listed")).toBe(false);
    expect(reached.has("reserved")).toBe(false);
    expect(reached.has("deployed")).toBe(false);
  });

  test("recycled is final", () => {
    expect(transitions.filter((transition) => transition.from.includes("recycled"))).toEqual([]);
  });
});

describe("guards and ownership", () => {
  test("department staff register only for their own department", () => {
    const otherDepartment = { ...factsIn(null), owningDepartmentId: 99 };
    expect(decideTransition(otherDepartment, validInput.register, actorFor("department"))).toEqual({ ok: false, reason: "not-own-department" });
    expect(decideTransition(otherDepartment, validInput.register, actorFor("coordinator")).ok).toBe(true);
  });

  test("registering puts the device with its department; collecting with the IT service", () => {
    const registered = decideTransition(factsIn(null), validInput.register, actorFor("department"));
    expect(registered.ok && registered.event.toHolder).toEqual({ kind: "organization", organizationId: departmentId });
    const collected = decideTransition(
      { ...factsIn("registered"), holder: { kind: "organization", organizationId: departmentId } },
      validInput.collect,
      actorFor("technician"),
    );
    expect(collected.ok && collected.event).toMatchObject({
      fromHolder: { kind: "organization", organizationId: departmentId },
      toHolder: { kind: "organization", organizationId: itServiceId },
    });
  });

  test("certifying needs every medium sanitized since the last collection", () => {
    const unwiped = { ...factsIn("collected"), everyMediumSanitizedSinceCollection: false };
    expect(decideTransition(unwiped, validInput.certify, actorFor("technician"))).toEqual({ ok: false, reason: "media-not-sanitized" });
  });

  test("a returned device is collected again and must be wiped again before listing", () => {
    const returned = decideTransition(factsIn("deployed"), validInput.return, actorFor("recipient"));
    expect(returned.ok && returned.to).toBe("collected");
    expect(decideTransition(factsIn("collected"), validInput.list, actorFor("technician"))).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "collected",
    });
    const oldWipesOnly = { ...factsIn("collected"), everyMediumSanitizedSinceCollection: false };
    expect(decideTransition(oldWipesOnly, validInput.certify, actorFor("technician"))).toEqual({ ok: false, reason: "media-not-sanitized" });
  });

  test("a recipient returns only devices their organization holds", () => {
    const heldByOthers = { ...factsIn("deployed"), holder: { kind: "organization" as const, organizationId: 999 } };
    expect(decideTransition(heldByOthers, validInput.return, actorFor("recipient"))).toEqual({ ok: false, reason: "not-own-device" });
    expect(decideTransition(heldByOthers, validInput.return, actorFor("coordinator")).ok).toBe(true);
  });

  test("a recipient signs only for a device reserved for their own organization", () => {
    const reservedElsewhere = { ...factsIn("reserved"), reservedFor: { kind: "organization" as const, organizationId: 999 } };
    expect(decideTransition(reservedElsewhere, validInput.handover, actorFor("recipient"))).toEqual({ ok: false, reason: "not-own-device" });
    expect(decideTransition(reservedElsewhere, validInput.handover, actorFor("employee"))).toEqual({ ok: false, reason: "not-own-device" });
    expect(decideTransition(reservedElsewhere, validInput.handover, actorFor("technician")).ok).toBe(true);
  });

  test("recycling records the recycler and its certificate, both required", () => {
    const decision = decideTransition(factsIn("collected"), validInput.recycle, actorFor("technician"));
    expect(decision.ok && decision.event).toMatchObject({
      toHolder: { kind: "recycler", name: "Recupel Partner NV" },
      details: { recycler: "Recupel Partner NV", certificateNumber: "R2-88812" },
    });
    expect(decideTransition(factsIn("collected"), { action: "recycle", recycler: " ", certificateNumber: "X" }, actorFor("technician"))).toEqual({
      ok: false,
      reason: "missing-detail",
      field: "recycler",
    });
    expect(decideTransition(factsIn("collected"), { action: "recycle", recycler: "R", certificateNumber: "" }, actorFor("technician"))).toEqual({
      ok: false,
      reason: "missing-detail",
      field: "certificateNumber",
    });
  });

  test("members of an organization that is not approved can take no action", () => {
    const pending: LifecycleActor = { kind: "user", userId: "p", role: "recipient", organizationId: schoolId, organizationStatus: "pending" };
    expect(decideTransition(factsIn("deployed"), validInput.return, pending)).toEqual({ ok: false, reason: "forbidden" });
  });

  test("availableActions lists exactly the actions that would pass role and state", () => {
    fc.assert(
      fc.property(fc.constantFrom(...deviceStatuses), fc.constantFrom(...actorKinds), (status, who) => {
        const expected = lifecycleActions.filter((action) => expectedTable[action].who.includes(who) && expectedTable[action].from.includes(status));
        expect(availableActions(status, actorFor(who)).sort()).toEqual([...expected].sort());
      }),
    );
  });
});

describe("registrations", () => {
  const department = { kind: "user" as const, userId: "d", role: "department" as const, organizationId: departmentId, organizationStatus: "approved" as const };
  const coordinator = {
    kind: "user" as const,
    userId: "c",
    role: "coordinator" as const,
    organizationId: itServiceId,
    organizationStatus: "approved" as const,
  };
  const technician = { kind: "user" as const, userId: "t", role: "technician" as const, organizationId: itServiceId, organizationStatus: "approved" as const };

  test("department staff edit their own department's registrations, coordinators any, technicians none", () => {
    expect(mayEditRegistration(department, departmentId)).toBe(true);
    expect(mayEditRegistration(department, 999)).toBe(false);
    expect(mayEditRegistration(coordinator, 999)).toBe(true);
    expect(mayEditRegistration(technician, departmentId)).toBe(false);
  });

  test("department staff register for their own department; a coordinator must name one", () => {
    expect(registrationDepartment(department, undefined)).toBe(departmentId);
    expect(registrationDepartment(department, 999)).toBe(999);
    expect(decideTransition({ status: null, owningDepartmentId: 999, holder: null }, { action: "register" }, department)).toEqual({
      ok: false,
      reason: "not-own-department",
    });
    expect(registrationDepartment(coordinator, undefined)).toBeNull();
    expect(registrationDepartment(coordinator, 7)).toBe(7);
  });
});
