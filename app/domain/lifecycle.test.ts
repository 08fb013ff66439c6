// The lifecycle's invariants (DESIGN.md, "Device lifecycle") as properties of the table and of
// decideTransition, one snapshot of the table so that a change is a visible diff in review, and the
// guards that the table alone does not express.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  availableActions,
  decideTransition,
  deviceStatuses,
  lifecycleActions,
  mayEditRegistration,
  registrationDepartment,
  transitionFor,
  transitions,
  type DeviceFacts,
  type DeviceStatus,
  type Holder,
  type LifecycleAction,
  type LifecycleActor,
  type TransitionInput,
} from "./lifecycle";
import { organizationStatuses, roles, type Role } from "./organizations";
import { can } from "./permissions";

const departmentId = 10;
const itServiceId = 20;
const schoolId = 30;
const recyclerId = 40;

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
  recycle: { action: "recycle", recyclerId, certificateNumber: "R2-88812" },
};

/** Facts in which every guard passes, so that only role and state decide. */
function factsIn(status: DeviceStatus | null, who: Role | "system" = "technician"): DeviceFacts {
  return {
    status,
    owningDepartmentId: departmentId,
    holder: status === "deployed" ? { kind: "organization", organizationId: schoolId } : { kind: "organization", organizationId: itServiceId },
    certificationReadiness: "ready",
    // Reserved for whoever asks, so that a recipient's or employee's own signature passes.
    reservedFor: who === "employee" ? { kind: "employee", userId: "user-employee" } : { kind: "organization", organizationId: schoolId },
  };
}

const states: (DeviceStatus | null)[] = [null, ...deviceStatuses];

/** Whether the permission table lets this actor take the transition (or, for Circuit itself, whether it may). */
function permitted(action: LifecycleAction, actor: LifecycleActor): boolean {
  const transition = transitionFor(action);
  if (actor.kind === "system") return transition.system === true;
  return transition.permissions.some((permission) => can({ role: actor.role, organizationStatus: actor.organizationStatus }, permission));
}

/** The states a device can get to from `start` along the table's transitions, never entering `avoiding`. */
function reachableFrom(start: DeviceStatus | null, avoiding?: DeviceStatus): Set<DeviceStatus | null> {
  const reached = new Set<DeviceStatus | null>([start]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const transition of transitions) {
      if (transition.to === avoiding || reached.has(transition.to)) continue;
      if (transition.from.some((from) => reached.has(from))) {
        reached.add(transition.to);
        grew = true;
      }
    }
  }
  return reached;
}

describe("the lifecycle table", () => {
  test("as it stands (a change here is a change in the lifecycle: review it against DESIGN.md)", () => {
    const table = transitions.map((transition) => {
      const who = [...roles.filter((role) => permitted(transition.action, actorFor(role))), ...(transition.system ? ["system"] : [])];
      const from = transition.from.map((status) => status ?? "new").join(" | ");
      return `${transition.action}: ${from} -> ${transition.to}, by ${transition.permissions.join(" or ")} (${who.join(", ")})`;
    });
    expect(table).toMatchInlineSnapshot(`
      [
        "register: new -> registered, by device.register (coordinator, department)",
        "collect: registered -> collected, by device.collect (technician)",
        "certify: collected -> wiped, by device.certify (technician)",
        "list: wiped -> listed, by device.list (coordinator, technician)",
        "reserve: listed -> reserved, by match.confirm or sale.purchase (coordinator, employee)",
        "release: reserved -> listed, by device.release (coordinator, technician, system)",
        "handover: reserved -> deployed, by device.handover or handover.sign (technician, recipient, employee, system)",
        "return: deployed -> collected, by device.return (coordinator, recipient)",
        "recycle: registered | collected | wiped | listed -> recycled, by device.recycle (coordinator, technician)",
      ]
    `);
  });

  test("every action has exactly one transition, and every state a transition names exists", () => {
    expect(transitions.map((transition) => transition.action).sort()).toEqual([...lifecycleActions].sort());
    for (const transition of transitions) {
      expect(deviceStatuses, transition.action).toContain(transition.to);
      for (const from of transition.from) expect(states, transition.action).toContain(from);
      expect(transition.permissions.length > 0 || transition.system === true, transition.action).toBe(true);
    }
  });
});

describe("the lifecycle graph", () => {
  test("a device comes into being only by register, and every state is reachable from there", () => {
    expect(transitions.filter((transition) => transition.from.includes(null)).map((transition) => transition.action)).toEqual(["register"]);
    const reached = reachableFrom(null);
    expect(deviceStatuses.filter((status) => !reached.has(status))).toEqual([]);
  });

  test("nothing leaves the city without a wipe: listed, reserved and deployed only through wiped", () => {
    const reached = reachableFrom(null, "wiped");
    for (const status of ["listed", "reserved", "deployed"] as const) expect(reached.has(status), status).toBe(false);
  });

  test("wiped is entered only by certify, and a returned device goes back to before the wipe", () => {
    expect(transitions.filter((transition) => transition.to === "wiped").map((transition) => transition.action)).toEqual(["certify"]);
    const returned = transitionFor("return").to;
    expect(reachableFrom(returned, "wiped").has("listed")).toBe(false);
  });

  test("recycled is final", () => {
    expect(transitions.filter((transition) => transition.from.includes("recycled"))).toEqual([]);
  });

  test("no dead ends: from every other state a device can still end up recycled", () => {
    for (const status of deviceStatuses) expect(reachableFrom(status).has("recycled"), status).toBe(true);
  });
});

const organizationIds = [departmentId, itServiceId, schoolId, 99];
const holderArbitrary: fc.Arbitrary<Holder> = fc.oneof(
  fc.constantFrom(...organizationIds).map((organizationId): Holder => ({ kind: "organization", organizationId })),
  fc.constantFrom("user-employee", "someone-else").map((userId): Holder => ({ kind: "employee", userId })),
  fc.constant<Holder>({ kind: "recycler", name: "Recupel Partner NV" }),
);
const factsArbitrary: fc.Arbitrary<DeviceFacts> = fc.record({
  status: fc.constantFrom(...states),
  owningDepartmentId: fc.constantFrom(departmentId, 99),
  holder: fc.option(holderArbitrary, { nil: null }),
  certificationReadiness: fc.constantFrom("ready" as const, "media-not-sanitized" as const, "storage-not-accounted-for" as const, undefined),
  reservedFor: fc.option(holderArbitrary, { nil: null }),
});
const actorArbitrary: fc.Arbitrary<LifecycleActor> = fc.oneof(
  fc.constant<LifecycleActor>({ kind: "system", reason: "payment" }),
  fc.record({
    kind: fc.constant("user" as const),
    userId: fc.constantFrom("user-employee", "someone-else"),
    role: fc.constantFrom(...roles),
    organizationId: fc.constantFrom(...organizationIds),
    // Mostly approved, so that decisions get past the permission check often.
    organizationStatus: fc.oneof({ arbitrary: fc.constant("approved" as const), weight: 3 }, fc.constantFrom(...organizationStatuses)),
  }),
);
const actionArbitrary = fc.constantFrom(...lifecycleActions);

describe("decideTransition, for any actor, device and action", () => {
  test("refuses as forbidden exactly the actors the permission table refuses", () => {
    fc.assert(
      fc.property(factsArbitrary, actionArbitrary, actorArbitrary, (facts, action, actor) => {
        const decision = decideTransition(facts, validInput[action], actor);
        expect(!decision.ok && decision.reason === "forbidden").toBe(!permitted(action, actor));
      }),
      { numRuns: 2000 },
    );
  });

  test("past the permission check, refuses as invalid-state exactly the states the table does not move from", () => {
    fc.assert(
      fc.property(factsArbitrary, actionArbitrary, actorArbitrary, (facts, action, actor) => {
        if (!permitted(action, actor)) return;
        const decision = decideTransition(facts, validInput[action], actor);
        expect(!decision.ok && decision.reason === "invalid-state").toBe(!transitionFor(action).from.includes(facts.status));
      }),
      { numRuns: 2000 },
    );
  });

  test("an allowed move goes to the table's target and its custody event records exactly that move", () => {
    fc.assert(
      fc.property(factsArbitrary, actionArbitrary, actorArbitrary, (facts, action, actor) => {
        const decision = decideTransition(facts, validInput[action], actor);
        if (!decision.ok) return;
        expect(decision.to).toBe(transitionFor(action).to);
        expect(decision.event).toMatchObject({ type: action, fromStatus: facts.status, toStatus: decision.to, fromHolder: facts.holder });
      }),
      { numRuns: 2000 },
    );
  });

  test("no device becomes wiped unless it was ready for certification (media sanitized, or storage accounted for)", () => {
    // Every way into wiped, from every state it starts in.
    const intoWiped = fc
      .constantFrom(...transitions.filter((transition) => transition.to === "wiped"))
      .chain((transition) => fc.tuple(fc.constant(transition.action), fc.constantFrom(...transition.from)));
    fc.assert(
      fc.property(factsArbitrary, intoWiped, actorArbitrary, (facts, [action, status], actor) => {
        const decision = decideTransition({ ...facts, status }, validInput[action], actor);
        if (decision.ok) expect(facts.certificationReadiness).toBe("ready");
      }),
      { numRuns: 1000 },
    );
  });

  test("availableActions offers exactly the actions that pass the permission and state checks", () => {
    fc.assert(
      fc.property(fc.constantFrom(...deviceStatuses), actorArbitrary, (status, actor) => {
        const passing = lifecycleActions.filter((action) => {
          const decision = decideTransition({ ...factsIn(status), status }, validInput[action], actor);
          return decision.ok || (decision.reason !== "forbidden" && decision.reason !== "invalid-state");
        });
        expect([...availableActions(status, actor)].sort()).toEqual([...passing].sort());
      }),
    );
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

  test("certifying needs the device ready, and says what it lacks", () => {
    const unwiped = { ...factsIn("collected"), certificationReadiness: "media-not-sanitized" as const };
    expect(decideTransition(unwiped, validInput.certify, actorFor("technician"))).toEqual({ ok: false, reason: "media-not-sanitized" });
    const unaccounted = { ...factsIn("collected"), certificationReadiness: "storage-not-accounted-for" as const };
    expect(decideTransition(unaccounted, validInput.certify, actorFor("technician"))).toEqual({ ok: false, reason: "storage-not-accounted-for" });
    const unknown = { ...factsIn("collected"), certificationReadiness: undefined };
    expect(decideTransition(unknown, validInput.certify, actorFor("technician"))).toEqual({ ok: false, reason: "media-not-sanitized" });
  });

  test("a returned device is collected again and must be wiped again before listing", () => {
    const returned = decideTransition(factsIn("deployed"), validInput.return, actorFor("recipient"));
    expect(returned.ok && returned.to).toBe("collected");
    expect(decideTransition(factsIn("collected"), validInput.list, actorFor("technician"))).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "collected",
    });
    const oldWipesOnly = { ...factsIn("collected"), certificationReadiness: "media-not-sanitized" as const };
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

  test("recycling hands the device to the recycler organization and records its id and certificate, never a typed name", () => {
    const decision = decideTransition(factsIn("collected"), { action: "recycle", recyclerId, certificateNumber: " R2-88812 " }, actorFor("technician"));
    expect(decision.ok && decision.event).toEqual(
      expect.objectContaining({
        toHolder: { kind: "organization", organizationId: recyclerId },
        details: { recyclerId, certificateNumber: "R2-88812" },
      }),
    );
    expect(decideTransition(factsIn("collected"), { action: "recycle", recyclerId, certificateNumber: " " }, actorFor("technician"))).toEqual({
      ok: false,
      reason: "missing-detail",
      field: "certificateNumber",
    });
  });

  test("members of an organization that is not approved can take no action", () => {
    const pending: LifecycleActor = { kind: "user", userId: "p", role: "recipient", organizationId: schoolId, organizationStatus: "pending" };
    expect(decideTransition(factsIn("deployed"), validInput.return, pending)).toEqual({ ok: false, reason: "forbidden" });
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
