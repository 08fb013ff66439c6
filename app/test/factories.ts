// Shared test data: organizations, people as actors, device inputs and wipe records. Every unit test
// builds what it needs from here instead of typing its own set-up; names carry a counter so that
// tests in one file never collide.
import type { DeviceInput } from "~/models/device.server";
import { createInvite } from "~/commands/invites/create-invite.server";
import type { InvitableRole } from "~/domain/invites";
import type { LifecycleActor, UserActor } from "~/domain/lifecycle";
import type { OrganizationKind, OrganizationStatus, Role } from "~/domain/organizations";
import type { WipeRecordFields } from "~/commands/wipes/record-wipe.server";
import { insertOrganization } from "~/models/organization.server";
import { insertUser } from "~/models/user.server";
import type { CommandResult } from "~/commands/command.server";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { certifyDevice } from "~/commands/devices/certify-device.server";
import { handOverDevice } from "~/commands/devices/hand-over-device.server";
import { listDevice } from "~/commands/devices/list-device.server";
import { recycleDevice } from "~/commands/devices/recycle-device.server";
import { registerDevice } from "~/commands/devices/register-device.server";
import { confirmMatch } from "~/commands/matches/confirm-match.server";
import { preparePickup } from "~/commands/matches/prepare-pickup.server";
import { approveRequest } from "~/commands/requests/approve-request.server";
import { fileRequest } from "~/commands/requests/file-request.server";
import { recordWipe } from "~/commands/wipes/record-wipe.server";
import { recordStorageAbsence } from "~/commands/wipes/record-storage-absence.server";
import { validateStorageAbsence } from "~/commands/wipes/validate-storage-absence.server";
import { holdsStorage } from "~/domain/devices";
import { validateWipe } from "~/commands/wipes/validate-wipe.server";
import type { ConditionGrade, DeviceStatus } from "~/domain/lifecycle";
import type { DeviceDetail } from "~/models/device.server";
import type { StorageAbsenceView, WipeRecordView } from "~/models/wipe.server";
import type { FileRequestInput } from "~/forms/request";
import type { RequestView } from "~/models/request.server";
import { outboxEmails, type OutboxStatus } from "~db/schema";
import { db } from "~/db.server";

let sequence = 0;

/** A number unique within this test file: for names, tags and serials. */
export function nextNumber(): number {
  sequence += 1;
  return sequence;
}

/** A recycler the coordinator keeps, with an accreditation number; its id. */
export function createRecycler(name = `Recycler ${nextNumber()}`, accreditationNumber = `WEEE-${nextNumber()}`): number {
  return insertOrganization({ name, kind: "recycler", status: "approved", accreditationNumber });
}

export function createOrganization(kind: OrganizationKind, status: Exclude<OrganizationStatus, "rejected"> = "approved", name?: string): number {
  return insertOrganization({ name: name ?? `${kind} ${nextNumber()}`, kind, status });
}

/** The organization kind a member of this role belongs to. */
export function organizationKindOf(role: Role): OrganizationKind {
  switch (role) {
    case "coordinator":
    case "technician":
      return "it_service";
    case "department":
    case "employee":
      return "department";
    case "recipient":
      return "school";
  }
}

/** A person with an account, as the lifecycle and the commands see them. */
export function createActor(role: Role, organizationId?: number, organizationStatus: OrganizationStatus = "approved"): UserActor {
  const organization = organizationId ?? createOrganization(organizationKindOf(role), organizationStatus === "rejected" ? "pending" : organizationStatus);
  const n = nextNumber();
  const userId = insertUser({ email: `${role}-${n}@test.example`, name: `${role} ${n}`, role, organizationId: organization, passwordHash: "not-a-hash" });
  return { kind: "user", userId, role, organizationId: organization, organizationStatus };
}

export function userIdOf(actor: LifecycleActor): string {
  if (actor.kind !== "user") throw new Error("Expected a person, not the system");
  return actor.userId;
}

/** A laptop with one SSD, unique tag and serial. */
export function deviceInput(overrides: Partial<DeviceInput> = {}): DeviceInput {
  const n = String(nextNumber()).padStart(5, "0");
  return {
    assetTag: `CITY-${n}`,
    serial: `SN-${n}-XYZ`,
    manufacturer: "Dell",
    model: "Latitude 5490",
    type: "laptop",
    cpu: "Intel Core i5-8350U",
    ramGb: 8,
    storageGb: 256,
    screenInches: 14,
    keyboardLayout: "AZERTY-BE",
    batteryHealthPercent: 80,
    conditionNotes: null,
    purchaseDate: "2019-03-14",
    purchasePriceCents: 98_900,
    weightKg: 1.6,
    media: [{ serial: `MED-${n}`, kind: "SSD", capacityGb: 256 }],
    ...overrides,
  };
}

/** A passing NIST purge by overwrite, one pass, fully verified. */
export function passingWipe(overrides: Partial<WipeRecordFields> = {}): WipeRecordFields {
  return {
    method: "purge",
    technique: "overwrite",
    rounds: 1,
    tool: "nwipe",
    toolVersion: "0.36",
    verification: "full",
    samplePercent: null,
    result: "pass",
    startedAt: null,
    finishedAt: null,
    notes: null,
    ...overrides,
  };
}

/** A passing NIST purge by cryptographic erase, sample-verified (10 %). */
export function cryptoEraseWipe(): WipeRecordFields {
  return passingWipe({ technique: "crypto-erase", rounds: null, tool: "hdparm", toolVersion: "9.65", verification: "sample", samplePercent: 10 });
}

/** The value of a command that must succeed in a test's set-up; a refusal fails the test with its reason. */
export function commandValue<Value>(result: CommandResult<Value>, what = "command"): Value {
  if (!result.ok) throw new Error(`Expected the ${what} to succeed, got ${JSON.stringify(result)}`);
  return result.value;
}

type LifecycleCast = { itServiceId: number; coordinator: UserActor; technician: UserActor; validator: UserActor };
let cast: LifecycleCast | null = null;

/** The IT service's people who move devices along in `deviceInState`: made once per test file. */
export function lifecycleCast(): LifecycleCast {
  if (!cast) {
    const itServiceId = createOrganization("it_service");
    cast = {
      itServiceId,
      coordinator: createActor("coordinator", itServiceId),
      technician: createActor("technician", itServiceId),
      validator: createActor("technician", itServiceId),
    };
  }
  return cast;
}

export type DeviceInStateOptions = {
  /** The owning department (a new one when not given). */
  departmentId?: number;
  input?: Partial<DeviceInput>;
  grade?: ConditionGrade;
  /** For reserved and deployed devices: who asked for it (a school's new member when not given). */
  requester?: UserActor;
};

/** Reserved and deployed devices: the request they were matched to. */
export type DeviceInState = DeviceDetail & { requestId: number | null };

/**
 * A device walked through the lifecycle by the commands, as in real use, up to `status`: registered
 * by a coordinator, collected, wiped by one technician and validated by another, certified, listed,
 * reserved for a one-device request (filed, approved, confirmed), handed over; or recycled from
 * registered.
 */
export function deviceInState(status: DeviceStatus, options: DeviceInStateOptions = {}): DeviceInState {
  const { coordinator, technician, validator } = lifecycleCast();
  const departmentId = options.departmentId ?? createOrganization("department");
  const registered = commandValue(registerDevice(coordinator, { ...deviceInput(options.input), departmentId }), "registration");
  const deviceId = registered.id;
  if (status === "registered") return { ...registered, requestId: null };
  if (status === "recycled") {
    const recycled = commandValue(recycleDevice(coordinator, { deviceId, recyclerId: createRecycler(), certificateNumber: `R2-${nextNumber()}` }), "recycling");
    return { ...recycled, requestId: null };
  }
  const collected = commandValue(collectDevice(technician, { deviceId }), "collection");
  if (status === "collected") return { ...collected, requestId: null };
  for (const medium of collected.media) {
    const wipe = commandValue(recordWipe(technician, { deviceId, mediumId: medium.id, ...passingWipe() }), "wipe");
    commandValue(validateWipe(validator, { wipeId: wipe.id }), "validation");
  }
  if (collected.media.length === 0 && holdsStorage(collected.type)) noStoragePresent(collected, { performer: technician, validator });
  const wiped = commandValue(certifyDevice(technician, { deviceId }), "certification");
  if (status === "wiped") return { ...wiped, requestId: null };
  const listed = commandValue(listDevice(technician, { deviceId, grade: options.grade ?? "B" }), "listing");
  if (status === "listed") return { ...listed, requestId: null };
  const requester = options.requester ?? createActor("recipient");
  const request = commandValue(
    fileRequest(requester, {
      type: listed.type,
      quantity: 1,
      minRamGb: 0,
      minStorageGb: 0,
      minScreenInches: null,
      keyboardLayout: "any",
      purpose: "A device for the tests",
      beneficiaries: 1,
      neededBy: new Date(Date.now() + 60 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
    }),
    "request",
  );
  commandValue(approveRequest(coordinator, { requestId: request.id, priority: 50 }), "approval");
  const reserved = commandValue(confirmMatch(coordinator, { deviceId, requestId: request.id }), "confirmation").device;
  if (status === "reserved") return { ...reserved, requestId: request.id };
  const deployed = commandValue(handOverDevice(technician, { deviceId, signedBy: "Sam Signer" }), "handover");
  return { ...deployed, requestId: request.id };
}

/**
 * Every medium of the device wiped by `performer` and validated a minute later by `validator` (the
 * two-person rule), at `now` or the present.
 */
export function wipeEveryMedium(
  device: Pick<DeviceDetail, "id" | "media">,
  people: { performer: UserActor; validator: UserActor },
  options: { now?: number; fields?: WipeRecordFields } = {},
): WipeRecordView[] {
  const now = options.now ?? Date.now();
  return device.media.map((medium) => {
    const record = commandValue(
      recordWipe(people.performer, { deviceId: device.id, mediumId: medium.id, ...(options.fields ?? passingWipe()) }, { now }),
      "wipe",
    );
    return commandValue(validateWipe(people.validator, { wipeId: record.id }, { now: now + 60_000 }), "validation");
  });
}

/** A request for three laptops with modest minimums, needed in two months. */
export function requestInput(overrides: Partial<FileRequestInput> = {}): FileRequestInput {
  return {
    type: "laptop",
    quantity: 3,
    minRamGb: 4,
    minStorageGb: 128,
    minScreenInches: null,
    keyboardLayout: "any",
    purpose: "Homework club laptops",
    beneficiaries: 30,
    neededBy: new Date(Date.now() + 60 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
    ...overrides,
  };
}

/** A request filed by `requester` (submitted, not yet reviewed). */
export function submittedRequest(requester: UserActor, overrides: Partial<FileRequestInput> = {}): RequestView {
  return commandValue(fileRequest(requester, requestInput(overrides)), "request");
}

/** A request filed by `requester` and approved by the coordinator of `lifecycleCast` with this priority. */
export function approvedRequest(requester: UserActor, overrides: Partial<FileRequestInput> = {}, priority = 50): RequestView {
  const request = submittedRequest(requester, overrides);
  return commandValue(approveRequest(lifecycleCast().coordinator, { requestId: request.id, priority }), "approval");
}

/** An invite made by the coordinator of `lifecycleCast`, created at `now` (a department invite to a new department by default). */
export function createdInvite(options: { role?: InvitableRole; organizationId?: number; email?: string; now?: number } = {}) {
  const email = options.email ?? `invited-${nextNumber()}@demo.city`;
  const created = commandValue(
    createInvite(
      lifecycleCast().coordinator,
      { email, role: options.role ?? "department", organizationId: options.organizationId ?? createOrganization("department") },
      { origin: "http://localhost", language: "en", ...(options.now === undefined ? {} : { now: options.now }) },
    ),
    "invite",
  );
  return { ...created, email };
}

/** An outbox message in the given delivery state (failed by default: what a coordinator can resend). */
export function outboxEmail(status: OutboxStatus = "failed"): number {
  return db
    .insert(outboxEmails)
    .values({
      toAddress: `mail-${nextNumber()}@example.org`,
      subject: "Subject",
      body: "Body",
      status,
      attempts: status === "failed" ? 5 : 0,
      lastError: status === "failed" ? "550 Mailbox unavailable" : null,
    })
    .returning({ id: outboxEmails.id })
    .get().id;
}

/**
 * A "no storage present" record for a collected device without media, made by `performer` and
 * validated a minute later by `validator` (the two-person rule, as for wipes), at `now` or the present.
 */
export function noStoragePresent(
  device: Pick<DeviceDetail, "id">,
  people: { performer: UserActor; validator: UserActor },
  options: { now?: number; notes?: string } = {},
): StorageAbsenceView {
  const now = options.now ?? Date.now();
  const record = commandValue(recordStorageAbsence(people.performer, { deviceId: device.id, notes: options.notes ?? null }, { now }), "no-storage record");
  return commandValue(validateStorageAbsence(people.validator, { absenceId: record.id }, { now: now + 60_000 }), "no-storage validation");
}

/**
 * Sets the reserved devices of a request ready for pickup (by the technician of `lifecycleCast`, at the
 * counter for a week from `now`); the pickup's code and window.
 */
export function readyForPickup(requestId: number, deviceIds: number[], options: { now?: number; location?: string } = {}) {
  const now = options.now ?? Date.now();
  return commandValue(
    preparePickup(
      lifecycleCast().technician,
      { requestId, deviceIds, pickupLocation: options.location ?? "ICT-dienst, Stadhuisplein 1", pickupFrom: now, pickupUntil: now + 7 * 24 * 60 * 60 * 1000 },
      { now },
    ),
    "pickup",
  );
}
