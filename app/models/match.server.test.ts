import { asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { custodyEvents, devices, handoverSignatures, matches } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import type { Role } from "~/domain/permissions";
import { staffCustodyTimeline } from "./device-custody-view.server";
import { listDeviceCustody, verifyLedger } from "./custody.server";
import { applyTransition, getDevice, registerDevice, type DeviceDetail, type DeviceInput } from "./device.server";
import { listReservedFor, proposeMatches, recordHandover, releaseReservation, reservationOf, returnDevice } from "./match.server";
import { listNotifications } from "./notification.server";
import { insertOrganization } from "./organization.server";
import { getRequest, openRequestsForMatching, type RequestView } from "./request.server";
import { confirmMatch } from "~/commands/matches/confirm-match.server";
import { approveRequest } from "~/commands/requests/approve-request.server";
import { fileRequest } from "~/commands/requests/file-request.server";
import type { FileRequestInput } from "~/forms/request";
import { commandValue } from "~/test/factories";
import { getSessionUser, insertUser, type SessionUser } from "./user.server";
import { certifyDevice, recordWipe, sanitizationStatus, validateWipe, type WipeRecordFields } from "./wipe.server";

const minute = 60 * 1000;
/** A clock that only moves forward, so that wipes always come after the collection they follow. */
let clock = Date.UTC(2026, 9, 1, 9, 0, 0);
function tick(): number {
  clock += minute;
  return clock;
}

type Person = { user: SessionUser; actor: UserActor };

let people = 0;

function person(role: Role, organizationId: number, name: string): Person {
  people += 1;
  const userId = insertUser({ email: `${name.toLowerCase().replaceAll(" ", ".")}.${people}@demo.city`, name, role, organizationId, passwordHash: "x" });
  const user = getSessionUser(userId);
  if (!user) throw new Error("The person was not stored");
  return { user, actor: { kind: "user", userId, role, organizationId, organizationStatus: "approved" } };
}

let itServiceId: number;
let parksId: number;
let socialId: number;
let schoolId: number;
let otherSchoolId: number;

let coordinator: Person;
let performer: Person;
let validator: Person;
let parksStaff: Person;
let teacher: Person;
let otherTeacher: Person;
let employee: Person;

beforeAll(() => {
  itServiceId = insertOrganization({ name: "IT service", kind: "it_service", status: "approved" });
  parksId = insertOrganization({ name: "Parks department", kind: "department", status: "approved" });
  socialId = insertOrganization({ name: "Sociaal Huis", kind: "department", status: "approved" });
  schoolId = insertOrganization({ name: "Sunny Hill School", kind: "school", status: "approved" });
  otherSchoolId = insertOrganization({ name: "Harbour School", kind: "school", status: "approved" });
  coordinator = person("coordinator", itServiceId, "Cora Coordinator");
  performer = person("technician", itServiceId, "Petra Performer");
  validator = person("technician", itServiceId, "Victor Validator");
  parksStaff = person("department", parksId, "Dora Department");
  teacher = person("recipient", schoolId, "Tom Teacher");
  otherTeacher = person("recipient", otherSchoolId, "Hanna Harbour");
  employee = person("employee", socialId, "Eva Employee");
});

/** The device after a successful change; any refusal fails the test with its reason. */
function expectOk(result: { ok: true; device: DeviceDetail } | { ok: false }): DeviceDetail {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result.device;
}

const overwritePass: WipeRecordFields = {
  method: "clear",
  technique: "overwrite",
  rounds: 1,
  tool: "nwipe",
  toolVersion: "0.35",
  verification: "full",
  result: "pass",
};

/** Every medium wiped by one technician and validated by another, for the device's current cycle. */
function wipeEveryMedium(device: DeviceDetail): void {
  for (const medium of device.media) {
    const recorded = recordWipe(device.id, medium.id, overwritePass, performer.user.id, tick());
    if (!recorded.ok) throw new Error(`Expected a wipe record, got ${JSON.stringify(recorded)}`);
    const validated = validateWipe(recorded.record.id, validator.user.id, tick());
    if (!validated.ok) throw new Error(`Expected a validation, got ${JSON.stringify(validated)}`);
  }
}

let deviceCounter = 0;

/** A device registered, collected, wiped, certified and listed (grade B). A laptop with 8 GB, 256 GB, AZERTY-BE unless told otherwise. */
function listedDevice(overrides: Partial<DeviceInput> = {}): DeviceDetail {
  deviceCounter += 1;
  const n = String(deviceCounter).padStart(4, "0");
  const input: DeviceInput = {
    assetTag: `MATCH-${n}`,
    serial: `MSN-${n}`,
    manufacturer: "Lenovo",
    model: "ThinkPad T480",
    type: "laptop",
    ramGb: 8,
    storageGb: 256,
    screenInches: 14,
    keyboardLayout: "AZERTY-BE",
    media: [
      { serial: `MDRV-${n}-A`, kind: "SSD", capacityGb: 256 },
      { serial: `MDRV-${n}-B`, kind: "HDD", capacityGb: 500 },
    ],
    ...overrides,
  };
  const device = expectOk(registerDevice(input, parksId, parksStaff.actor, tick()));
  expectOk(applyTransition(device.id, { action: "collect", itServiceId }, performer.actor, tick()));
  wipeEveryMedium(device);
  expectOk(certifyDevice(device.id, validator.actor, tick()));
  const listed = expectOk(applyTransition(device.id, { action: "list", grade: "B" }, performer.actor, tick()));
  expect(listed.status).toBe("listed");
  return listed;
}

function newRequest(overrides: Partial<FileRequestInput> = {}): FileRequestInput {
  return {
    type: "laptop",
    quantity: 2,
    minRamGb: 4,
    minStorageGb: 128,
    minScreenInches: null,
    keyboardLayout: "any",
    purpose: "Laptops for the homework club",
    beneficiaries: 20,
    neededBy: "2027-01-31",
    ...overrides,
  };
}

function approvedRequest(by: Person, overrides: Partial<FileRequestInput> = {}, priority = 50): RequestView {
  const filed = commandValue(fileRequest(by.actor, newRequest(overrides)));
  return commandValue(approveRequest(coordinator.actor, { requestId: filed.id, priority }, { now: tick() }));
}

/** Confirms the match (app/commands/matches/confirm-match.server.ts has its own tests); the reserved device. */
function confirm(deviceId: number, requestId: number): DeviceDetail {
  return commandValue(confirmMatch(coordinator.actor, { deviceId, requestId }, { now: tick() }), "confirmation").device;
}

function matchesOf(deviceId: number) {
  return db.select().from(matches).where(eq(matches.deviceId, deviceId)).orderBy(asc(matches.id)).all();
}

function signaturesOf(deviceId: number) {
  return db.select().from(handoverSignatures).where(eq(handoverSignatures.deviceId, deviceId)).all();
}

function eventCount(): number {
  return db.select({ total: count() }).from(custodyEvents).get()?.total ?? 0;
}

function signatureCount(): number {
  return db.select({ total: count() }).from(handoverSignatures).get()?.total ?? 0;
}

function statuses(): Map<number, string> {
  return new Map(
    db
      .select({ id: devices.id, status: devices.status })
      .from(devices)
      .all()
      .map((row) => [row.id, row.status]),
  );
}

describe("proposeMatches", () => {
  test("proposes listed devices for open requests and changes nothing", () => {
    // Tablets: no other test uses them, so the proposals for these requests are exactly known.
    const tablets = [
      listedDevice({
        type: "tablet",
        ramGb: 4,
        storageGb: 64,
        screenInches: 10,
        keyboardLayout: null,
        media: [{ serial: "TAB-1", kind: "eMMC", capacityGb: 64 }],
      }),
      listedDevice({
        type: "tablet",
        ramGb: 4,
        storageGb: 64,
        screenInches: 10,
        keyboardLayout: null,
        media: [{ serial: "TAB-2", kind: "eMMC", capacityGb: 64 }],
      }),
    ];
    const urgent = approvedRequest(teacher, { type: "tablet", quantity: 1, minRamGb: 2, minStorageGb: 32 }, 90);
    const lessUrgent = approvedRequest(otherTeacher, { type: "tablet", quantity: 3, minRamGb: 2, minStorageGb: 32 }, 10);
    const tooDemanding = approvedRequest(employee, { type: "tablet", quantity: 1, minRamGb: 16, minStorageGb: 32 }, 100);
    const notApproved = commandValue(fileRequest(teacher.actor, newRequest({ type: "tablet", quantity: 1, minRamGb: 2, minStorageGb: 32 })));

    const statusesBefore = statuses();
    const [eventsBefore, matchesBefore] = [eventCount(), db.select({ total: count() }).from(matches).get()?.total];
    const requestsBefore = [urgent, lessUrgent, tooDemanding, notApproved].map((request) => getRequest(request.id));

    const result = proposeMatches(tick());

    const tabletProposals = result.proposals.filter((proposal) => tablets.some((tablet) => tablet.id === proposal.deviceId));
    expect(tabletProposals.map((proposal) => proposal.requestId).sort((a, b) => a - b)).toEqual([urgent.id, lessUrgent.id].sort((a, b) => a - b));
    expect(new Set(tabletProposals.map((proposal) => proposal.deviceId))).toEqual(new Set(tablets.map((tablet) => tablet.id)));
    for (const proposal of tabletProposals) expect(proposal.score).toBe(proposal.explanation.total);
    expect(result.proposals.some((proposal) => proposal.requestId === tooDemanding.id || proposal.requestId === notApproved.id)).toBe(false);
    expect(result.unserved).toContainEqual({ requestId: tooDemanding.id, openSlots: 1, unservedSlots: 1, reason: "specs-too-high" });
    expect(result.unserved).toContainEqual({ requestId: lessUrgent.id, openSlots: 3, unservedSlots: 2, reason: "all-taken" });
    // Every proposal pairs a listed device with an open request, each device at most once.
    const listedIds = new Set([...statusesBefore].filter(([, status]) => status === "listed").map(([id]) => id));
    const openIds = new Set(openRequestsForMatching().map((request) => request.id));
    for (const proposal of result.proposals) {
      expect(listedIds.has(proposal.deviceId)).toBe(true);
      expect(openIds.has(proposal.requestId)).toBe(true);
    }
    expect(new Set(result.proposals.map((proposal) => proposal.deviceId)).size).toBe(result.proposals.length);

    // Nothing moved: no device, match, event or request changed.
    expect(statuses()).toEqual(statusesBefore);
    expect(eventCount()).toBe(eventsBefore);
    expect(db.select({ total: count() }).from(matches).get()?.total).toBe(matchesBefore);
    expect([urgent, lessUrgent, tooDemanding, notApproved].map((request) => getRequest(request.id))).toEqual(requestsBefore);
    for (const tablet of tablets) expect(getDevice(tablet.id)?.status).toBe("listed");
  });
});

describe("recordHandover", () => {
  test("by a technician: deployed to the school, the request counts it, the signature is stored apart from the ledger", () => {
    const request = approvedRequest(teacher, { quantity: 2 });
    const device = listedDevice();
    confirm(device.id, request.id);
    const at = tick();
    const signer = "Theodora Q. Signatory";

    const deployed = expectOk(recordHandover(device.id, `  ${signer}  `, performer.actor, null, at));

    expect(deployed).toMatchObject({ status: "deployed", holder: { kind: "organization", organizationId: schoolId }, holderLabel: "Sunny Hill School" });
    expect(getRequest(request.id)).toMatchObject({ fulfilled: 1, reserved: 0, status: "partly-fulfilled" });
    expect(matchesOf(device.id)).toMatchObject([{ requestId: request.id, status: "handed-over" }]);
    expect(matchesOf(device.id)[0]?.closedAt?.getTime()).toBe(at);

    const signatures = signaturesOf(device.id);
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({ signedByName: signer, signedByUserId: null, recordedById: performer.user.id, matchId: matchesOf(device.id)[0]!.id });
    expect(signatures[0]?.signedAt.getTime()).toBe(at);

    const event = listDeviceCustody(device.id).at(-1);
    expect(event).toMatchObject({
      type: "handover",
      fromStatus: "reserved",
      toStatus: "deployed",
      toHolder: { kind: "organization", organizationId: schoolId },
      actorId: performer.user.id,
      details: { signatureId: signatures[0]!.id },
    });
    // The name is personal data: it stays out of every hashed event.
    expect(JSON.stringify(listDeviceCustody(device.id))).not.toContain("Signatory");
    const storedEvents = db.select().from(custodyEvents).where(eq(custodyEvents.deviceId, device.id)).all();
    expect(storedEvents.some((row) => JSON.stringify(row).includes("Signatory"))).toBe(false);

    expect(listNotifications(teacher.user.id, 1)[0]).toMatchObject({
      kind: "handoverRecorded",
      values: { request: `#${request.id}`, device: "Lenovo ThinkPad T480", assetTag: device.assetTag },
    });
    expect(reservationOf(device.id)).toBeNull();

    // The second device fulfils the request.
    const second = listedDevice();
    confirm(second.id, request.id);
    expectOk(recordHandover(second.id, "Someone Else", validator.actor, null, tick()));
    expect(getRequest(request.id)).toMatchObject({ fulfilled: 2, reserved: 0, status: "fulfilled" });
    expect(openRequestsForMatching().some((open) => open.id === request.id)).toBe(false);
    expect(verifyLedger().intact).toBe(true);
  });

  test("for an employee's request the employee becomes the holder", () => {
    const request = approvedRequest(employee, { quantity: 1 });
    const device = listedDevice();
    confirm(device.id, request.id);
    expect(reservationOf(device.id)).toMatchObject({ requesterKind: "employee", recipientName: "Eva Employee" });
    expect(listReservedFor({ userId: employee.user.id }).map((row) => row.id)).toContain(device.id);

    const deployed = expectOk(recordHandover(device.id, "Eva Employee", performer.actor, null, tick()));
    expect(deployed).toMatchObject({ status: "deployed", holder: { kind: "employee", userId: employee.user.id }, holderLabel: "Eva Employee" });
    expect(listDeviceCustody(device.id).at(-1)?.toHolder).toEqual({ kind: "employee", userId: employee.user.id });
    expect(getRequest(request.id)).toMatchObject({ fulfilled: 1, status: "fulfilled" });
    expect(listNotifications(employee.user.id, 1)[0]?.kind).toBe("handoverRecorded");
  });

  test("the recipient signs for their own organization's device from their account", () => {
    const request = approvedRequest(teacher, { quantity: 1 });
    const device = listedDevice();
    confirm(device.id, request.id);

    const deployed = expectOk(recordHandover(device.id, "Tom Teacher", teacher.actor, teacher.user.id, tick()));
    expect(deployed).toMatchObject({ status: "deployed", holder: { kind: "organization", organizationId: schoolId } });
    const [signature] = signaturesOf(device.id);
    expect(signature).toMatchObject({ signedByName: "Tom Teacher", signedByUserId: teacher.user.id, recordedById: teacher.user.id });
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({ type: "handover", actorId: teacher.user.id, details: { signatureId: signature!.id } });
    expect(getRequest(request.id)?.status).toBe("fulfilled");
  });

  test("a recipient of another organization is refused and leaves no signature", () => {
    const request = approvedRequest(teacher, { quantity: 1 });
    const device = listedDevice();
    confirm(device.id, request.id);
    const [eventsBefore, signaturesBefore] = [eventCount(), signatureCount()];

    expect(recordHandover(device.id, "Hanna Harbour", otherTeacher.actor, otherTeacher.user.id, tick())).toEqual({ ok: false, reason: "not-own-device" });
    // An employee cannot sign for a school's device either.
    expect(recordHandover(device.id, "Eva Employee", employee.actor, employee.user.id, tick())).toEqual({ ok: false, reason: "not-own-device" });

    expect(signaturesOf(device.id)).toEqual([]);
    expect(signatureCount()).toBe(signaturesBefore);
    expect(eventCount()).toBe(eventsBefore);
    expect(getDevice(device.id)?.status).toBe("reserved");
    expect(matchesOf(device.id)).toMatchObject([{ status: "confirmed" }]);
    expect(getRequest(request.id)).toMatchObject({ fulfilled: 0, reserved: 1, status: "approved" });
  });

  test("without a reservation there is nothing to hand over", () => {
    const listed = listedDevice();
    const signaturesBefore = signatureCount();
    expect(recordHandover(listed.id, "Tom Teacher", performer.actor, null, tick())).toEqual({ ok: false, reason: "no-reservation" });
    expect(recordHandover(987654, "Tom Teacher", performer.actor, null, tick())).toEqual({ ok: false, reason: "no-reservation" });
    expect(getDevice(listed.id)?.status).toBe("listed");
    expect(signatureCount()).toBe(signaturesBefore);
  });

  test("a device already handed over is not handed over twice", () => {
    const request = approvedRequest(teacher, { quantity: 2 });
    const device = listedDevice();
    confirm(device.id, request.id);
    expectOk(recordHandover(device.id, "Tom Teacher", performer.actor, null, tick()));
    expect(recordHandover(device.id, "Tom Teacher", performer.actor, null, tick())).toEqual({ ok: false, reason: "no-reservation" });
    expect(getRequest(request.id)?.fulfilled).toBe(1);
    expect(signaturesOf(device.id)).toHaveLength(1);
  });
});

describe("releaseReservation", () => {
  test("the device is listed again, the match released and the request's slot open again", () => {
    const request = approvedRequest(teacher, { quantity: 1 });
    const device = listedDevice();
    confirm(device.id, request.id);
    expect(openRequestsForMatching().some((open) => open.id === request.id)).toBe(false);
    const at = tick();

    const released = expectOk(releaseReservation(device.id, "The school cancelled the appointment", coordinator.actor, at));

    expect(released.status).toBe("listed");
    expect(matchesOf(device.id)).toMatchObject([{ requestId: request.id, status: "released" }]);
    expect(matchesOf(device.id)[0]?.closedAt?.getTime()).toBe(at);
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({
      type: "release",
      fromStatus: "reserved",
      toStatus: "listed",
      details: { reasonNoteId: expect.any(Number) },
    });
    // The typed reason stays out of the hashed ledger; staff still read it on the timeline.
    expect(JSON.stringify(listDeviceCustody(device.id))).not.toContain("The school cancelled the appointment");
    expect(staffCustodyTimeline(device.id).entries.at(-1)?.details.reason).toBe("The school cancelled the appointment");
    expect(getRequest(request.id)).toMatchObject({ reserved: 0, fulfilled: 0, status: "approved" });
    expect(openRequestsForMatching().find((open) => open.id === request.id)?.openSlots).toBe(1);
    expect(reservationOf(device.id)).toBeNull();
    expect(recordHandover(device.id, "Tom Teacher", performer.actor, null, tick())).toEqual({ ok: false, reason: "no-reservation" });

    // The device and the slot can be matched again.
    confirm(device.id, request.id);
    expect(matchesOf(device.id).map((row) => row.status)).toEqual(["released", "confirmed"]);
  });

  test("a release needs a reason and a person allowed to release", () => {
    const request = approvedRequest(teacher, { quantity: 1 });
    const device = listedDevice();
    confirm(device.id, request.id);
    expect(releaseReservation(device.id, "  ", coordinator.actor, tick())).toEqual({ ok: false, reason: "missing-detail", field: "reason" });
    expect(releaseReservation(device.id, "No longer needed", teacher.actor, tick())).toEqual({ ok: false, reason: "forbidden" });
    expect(getDevice(device.id)?.status).toBe("reserved");
    expect(matchesOf(device.id)).toMatchObject([{ status: "confirmed" }]);
    expect(getRequest(request.id)?.reserved).toBe(1);
  });
});

describe("returnDevice", () => {
  function deployedToSchool(): DeviceDetail {
    const request = approvedRequest(teacher, { quantity: 1 });
    const device = listedDevice();
    confirm(device.id, request.id);
    return expectOk(recordHandover(device.id, "Tom Teacher", performer.actor, null, tick()));
  }

  test("the holding school returns it: collected by the IT service, and it needs a new wipe before it is listed again", () => {
    const device = deployedToSchool();
    const returned = expectOk(returnDevice(device.id, teacher.actor, "Broken hinge", tick()));

    expect(returned).toMatchObject({ status: "collected", holder: { kind: "organization", organizationId: itServiceId }, holderLabel: "IT service" });
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({
      type: "return",
      fromStatus: "deployed",
      toStatus: "collected",
      fromHolder: { kind: "organization", organizationId: schoolId },
      toHolder: { kind: "organization", organizationId: itServiceId },
      actorId: teacher.user.id,
      details: { reasonNoteId: expect.any(Number) },
    });

    // The wipes of the previous cycle no longer count.
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });
    expect(applyTransition(device.id, { action: "list", grade: "B" }, performer.actor, tick())).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "collected",
    });
    expect(certifyDevice(device.id, performer.actor, tick())).toEqual({ ok: false, reason: "media-not-sanitized" });
    expect(getDevice(device.id)?.status).toBe("collected");

    wipeEveryMedium(returned);
    expect(expectOk(certifyDevice(device.id, validator.actor, tick())).status).toBe("wiped");
    expect(expectOk(applyTransition(device.id, { action: "list", grade: "C" }, performer.actor, tick())).status).toBe("listed");
    expect(listDeviceCustody(device.id).map((event) => event.type)).toEqual([
      "register",
      "collect",
      "certify",
      "list",
      "reserve",
      "handover",
      "return",
      "certify",
      "list",
    ]);
    expect(verifyLedger().intact).toBe(true);
  });

  test("another organization's recipient cannot return it", () => {
    const device = deployedToSchool();
    const eventsBefore = eventCount();
    expect(returnDevice(device.id, otherTeacher.actor, undefined, tick())).toEqual({ ok: false, reason: "not-own-device" });
    expect(returnDevice(device.id, employee.actor, undefined, tick())).toEqual({ ok: false, reason: "forbidden" });
    expect(getDevice(device.id)).toMatchObject({ status: "deployed", holder: { kind: "organization", organizationId: schoolId } });
    expect(eventCount()).toBe(eventsBefore);
  });

  test("a device that is not deployed cannot be returned", () => {
    const device = listedDevice();
    expect(returnDevice(device.id, coordinator.actor, undefined, tick())).toEqual({ ok: false, reason: "invalid-state", status: "listed" });
    expect(returnDevice(987654, coordinator.actor, undefined, tick())).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("the ledger", () => {
  test("still verifies after everything in this file", () => {
    const verdict = verifyLedger();
    expect(verdict.intact).toBe(true);
    expect(verdict.count).toBe(eventCount());
    expect(verdict.count).toBeGreaterThan(100);
  });
});
