// The device lifecycle of DESIGN.md as data: which action moves a device from which state to which,
// who may take it, and what must be true first. Routes, the API, the seed and the models all ask
// `decideTransition`; nothing else decides a transition. Pure: the caller passes in every fact.
import { can, type Actor as PermissionActor, type PermissionAction } from "./permissions";
import type { Role } from "./permissions";
import type { CustodyDetails } from "./custody";
import { correctionDetails, type MediaChanges, type SpecCorrections } from "./device-corrections";
import type { CertificationReadiness } from "./wipes";

export const deviceStatuses = ["registered", "collected", "wiped", "listed", "reserved", "deployed", "recycled"] as const;
export type DeviceStatus = (typeof deviceStatuses)[number];

export const lifecycleActions = ["register", "collect", "certify", "list", "reserve", "release", "handover", "return", "recycle"] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

export function isLifecycleAction(value: string): value is LifecycleAction {
  return (lifecycleActions as readonly string[]).includes(value);
}

export const holderKinds = ["organization", "employee", "recycler"] as const;
export type HolderKind = (typeof holderKinds)[number];

/**
 * Who holds a device: an organization (a city department, the IT service, a school or nonprofit, or a
 * recycler the coordinator keeps), or an employee. `recycler` by name is only read back from events
 * written before recyclers were organizations: the chain keeps them as they were hashed.
 */
export type Holder = { kind: "organization"; organizationId: number } | { kind: "employee"; userId: string } | { kind: "recycler"; name: string };

export type LifecycleActor =
  | { kind: "user"; userId: string; role: Role; organizationId: number; organizationStatus: PermissionActor["organizationStatus"] }
  /** Circuit itself, acting on a payment provider's word (a completed, expired or cancelled payment). */
  | { kind: "system"; reason: "payment" };

export type UserActor = Extract<LifecycleActor, { kind: "user" }>;

/** What the caller knows about the device at the moment of the transition. */
export type DeviceFacts = {
  status: DeviceStatus | null;
  owningDepartmentId: number;
  holder: Holder | null;
  /**
   * For a collected device: whether it may be certified now (app/domain/wipes.ts, certificationReadiness).
   * Unknown counts as not sanitized.
   */
  certificationReadiness?: CertificationReadiness;
  /** For a reserved device: whom it is reserved for (a recipient signs only for their own). */
  reservedFor?: Holder | null;
};

/** What the action needs beyond the facts: where the device goes. */
export type TransitionInput =
  | { action: "register" }
  /** `media` and `specs`: what the technician found different from the registration (recorded in the event). */
  | { action: "collect"; itServiceId: number; media?: MediaChanges; specs?: SpecCorrections }
  | { action: "certify"; certificateNumber: string }
  | { action: "list"; grade: ConditionGrade; specs?: SpecCorrections }
  | { action: "reserve"; requestId?: number; purchaseId?: number }
  /** The reason's text is stored apart (it may name people); the event holds its note's id. */
  | { action: "release"; reason: string; reasonNoteId?: number | null }
  | { action: "handover"; recipient: Holder; signatureId?: number }
  | { action: "return"; itServiceId: number; reason?: string; reasonNoteId?: number | null }
  /** The recycler is an organization of kind recycler (the caller checks that): the event holds its id, never a typed name. */
  | { action: "recycle"; recyclerId: number; certificateNumber: string };

export const conditionGrades = ["A", "B", "C", "parts"] as const;
export type ConditionGrade = (typeof conditionGrades)[number];

type Transition = {
  action: LifecycleAction;
  /** null: the device does not exist yet. */
  from: readonly (DeviceStatus | null)[];
  to: DeviceStatus;
  /** Any one of these permissions allows a person to take the action. */
  permissions: readonly PermissionAction[];
  /** Circuit itself may take it (payment webhooks). */
  system?: boolean;
};

/** The lifecycle table (DESIGN.md, "Device lifecycle"). */
export const transitions: readonly Transition[] = [
  { action: "register", from: [null], to: "registered", permissions: ["device.register"] },
  { action: "collect", from: ["registered"], to: "collected", permissions: ["device.collect"] },
  { action: "certify", from: ["collected"], to: "wiped", permissions: ["device.certify"] },
  { action: "list", from: ["wiped"], to: "listed", permissions: ["device.list"] },
  { action: "reserve", from: ["listed"], to: "reserved", permissions: ["match.confirm", "sale.purchase"] },
  { action: "release", from: ["reserved"], to: "listed", permissions: ["device.release"], system: true },
  { action: "handover", from: ["reserved"], to: "deployed", permissions: ["device.handover", "handover.sign"], system: true },
  { action: "return", from: ["deployed"], to: "collected", permissions: ["device.return"] },
  { action: "recycle", from: ["registered", "collected", "wiped", "listed"], to: "recycled", permissions: ["device.recycle"] },
];

export type CustodyEventDraft = {
  type: LifecycleAction;
  fromStatus: DeviceStatus | null;
  toStatus: DeviceStatus;
  fromHolder: Holder | null;
  toHolder: Holder;
  details: CustodyDetails;
};

export type TransitionRefusal =
  | { reason: "forbidden" }
  | { reason: "not-own-department" }
  | { reason: "not-own-device" }
  | { reason: "invalid-state"; status: DeviceStatus | null }
  | { reason: "media-not-sanitized" }
  | { reason: "storage-not-accounted-for" }
  | { reason: "missing-detail"; field: string };

export type TransitionDecision = { ok: true; to: DeviceStatus; event: CustodyEventDraft } | ({ ok: false } & TransitionRefusal);

export function transitionFor(action: LifecycleAction): Transition {
  const transition = transitions.find((candidate) => candidate.action === action);
  if (!transition) throw new Error(`No transition for ${action}`);
  return transition;
}

function mayTake(transition: Transition, actor: LifecycleActor): boolean {
  if (actor.kind === "system") return transition.system === true;
  const permissionActor = { role: actor.role, organizationStatus: actor.organizationStatus };
  return transition.permissions.some((permission) => can(permissionActor, permission));
}

/** Checks ownership: department staff act on their own department's devices, recipients on their own. */
function ownershipRefusal(action: LifecycleAction, device: DeviceFacts, actor: LifecycleActor): TransitionRefusal | null {
  if (actor.kind !== "user") return null;
  if (action === "register" && actor.role === "department" && device.owningDepartmentId !== actor.organizationId) {
    return { reason: "not-own-department" };
  }
  if (action === "handover" && (actor.role === "recipient" || actor.role === "employee")) {
    const reservedFor = device.reservedFor;
    const forThem =
      (reservedFor?.kind === "organization" && actor.role === "recipient" && reservedFor.organizationId === actor.organizationId) ||
      (reservedFor?.kind === "employee" && actor.role === "employee" && reservedFor.userId === actor.userId);
    if (!forThem) return { reason: "not-own-device" };
  }
  if (action === "return" && actor.role === "recipient") {
    const holdsIt = device.holder?.kind === "organization" && device.holder.organizationId === actor.organizationId;
    if (!holdsIt) return { reason: "not-own-device" };
  }
  return null;
}

function blank(value: string): boolean {
  return value.trim().length === 0;
}

/** The holder after the action, and the details the custody event records. */
function outcome(input: TransitionInput, device: DeviceFacts): { toHolder: Holder; details: CustodyEventDraft["details"] } | TransitionRefusal {
  const currentHolder: Holder = device.holder ?? { kind: "organization", organizationId: device.owningDepartmentId };
  switch (input.action) {
    case "register":
      return { toHolder: { kind: "organization", organizationId: device.owningDepartmentId }, details: {} };
    case "collect":
      return { toHolder: { kind: "organization", organizationId: input.itServiceId }, details: correctionDetails(input.media ?? null, input.specs ?? {}) };
    case "certify":
      if (blank(input.certificateNumber)) return { reason: "missing-detail", field: "certificateNumber" };
      return { toHolder: currentHolder, details: { certificateNumber: input.certificateNumber } };
    case "list":
      return { toHolder: currentHolder, details: { grade: input.grade, ...correctionDetails(null, input.specs ?? {}) } };
    case "reserve":
      return { toHolder: currentHolder, details: { requestId: input.requestId ?? null, purchaseId: input.purchaseId ?? null } };
    case "release":
      if (blank(input.reason)) return { reason: "missing-detail", field: "reason" };
      return { toHolder: currentHolder, details: { reasonNoteId: input.reasonNoteId ?? null } };
    case "handover":
      return { toHolder: input.recipient, details: { signatureId: input.signatureId ?? null } };
    case "return":
      return { toHolder: { kind: "organization", organizationId: input.itServiceId }, details: { reasonNoteId: input.reasonNoteId ?? null } };
    case "recycle":
      if (blank(input.certificateNumber)) return { reason: "missing-detail", field: "certificateNumber" };
      return {
        toHolder: { kind: "organization", organizationId: input.recyclerId },
        details: { recyclerId: input.recyclerId, certificateNumber: input.certificateNumber.trim() },
      };
  }
}

/**
 * Decides one transition: the next state and the custody event to write with it, or why not.
 * Checks, in order: who may take the action, whether the device's state allows it, ownership,
 * the guards (a wipe before certifying), and the details the action needs.
 */
export function decideTransition(device: DeviceFacts, input: TransitionInput, actor: LifecycleActor): TransitionDecision {
  const transition = transitionFor(input.action);
  if (!mayTake(transition, actor)) return { ok: false, reason: "forbidden" };
  if (!transition.from.includes(device.status)) return { ok: false, reason: "invalid-state", status: device.status };
  const ownership = ownershipRefusal(input.action, device, actor);
  if (ownership) return { ok: false, ...ownership };
  if (input.action === "certify") {
    const readiness = device.certificationReadiness ?? "media-not-sanitized";
    if (readiness !== "ready") return { ok: false, reason: readiness };
  }

  const result = outcome(input, device);
  if ("reason" in result) return { ok: false, ...result };
  return {
    ok: true,
    to: transition.to,
    event: {
      type: input.action,
      fromStatus: device.status,
      toStatus: transition.to,
      fromHolder: device.holder,
      toHolder: result.toHolder,
      details: result.details,
    },
  };
}

/** The actions a person could take on a device in its current state (for buttons on the device page). */
export function availableActions(status: DeviceStatus, actor: LifecycleActor): LifecycleAction[] {
  return transitions.filter((transition) => transition.from.includes(status) && mayTake(transition, actor)).map((transition) => transition.action);
}

/**
 * Who may correct a device's registration (while it is still registered): a coordinator, or staff of
 * the department that owns it.
 */
export function mayEditRegistration(actor: UserActor, owningDepartmentId: number): boolean {
  if (!can({ role: actor.role, organizationStatus: actor.organizationStatus }, "device.register")) return false;
  return actor.role !== "department" || actor.organizationId === owningDepartmentId;
}

/**
 * The department a new device is registered for: department staff register for their own; a
 * coordinator names one (null: not named yet). A mismatch is refused by decideTransition.
 */
export function registrationDepartment(actor: UserActor, requested: number | undefined): number | null {
  if (actor.role === "department") return requested ?? actor.organizationId;
  return requested ?? null;
}
