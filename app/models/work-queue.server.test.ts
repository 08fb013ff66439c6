import { beforeAll, describe, expect, test } from "vitest";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { listDevice } from "~/commands/devices/list-device.server";
import { registerDevice } from "~/commands/devices/register-device.server";
import { recordStorageAbsence } from "~/commands/wipes/record-storage-absence.server";
import { recordWipe } from "~/commands/wipes/record-wipe.server";
import { validateStorageAbsence } from "~/commands/wipes/validate-storage-absence.server";
import { validateWipe } from "~/commands/wipes/validate-wipe.server";
import { updateOrganizationContact } from "~/commands/organizations/update-organization-contact.server";
import { certificationReadiness } from "~/domain/wipes";
import type { UserActor } from "~/domain/lifecycle";
import {
  approvedRequest,
  commandValue,
  createActor,
  createOrganization,
  deviceInput,
  deviceInState,
  lifecycleCast,
  passingWipe,
  submittedRequest,
} from "~/test/factories";
import { getDevice, sanitizationFacts } from "./device.server";
import { proposeMatches } from "./match.server";
import { coordinatorQueues, departmentQueues, LISTED_TOO_LONG_DAYS, technicianQueues } from "./work-queue.server";

const ALL = 10_000;
let performer: UserActor;
let secondTechnician: UserActor;

beforeAll(() => {
  const { itServiceId } = lifecycleCast();
  performer = createActor("technician", itServiceId);
  secondTechnician = createActor("technician", itServiceId);
});

const ids = (queue: { items: { id: number }[] }) => queue.items.map((item) => item.id);

function collected(input = deviceInput()) {
  return deviceInState("collected", { input });
}

describe("technician queues", () => {
  test("a registered device is to collect, with its department's address and contact", () => {
    const departmentId = createOrganization("department");
    commandValue(
      updateOrganizationContact(lifecycleCast().coordinator, { organizationId: departmentId, address: "Markt 1, 9000 Gent", contact: "Els, 09 123 45 67" }),
    );
    const device = deviceInState("registered", { departmentId });
    const queues = technicianQueues(performer.userId, ALL);
    const item = queues.toCollect.items.find((entry) => entry.id === device.id);
    expect(item).toMatchObject({ assetTag: device.assetTag, departmentAddress: "Markt 1, 9000 Gent", departmentContact: "Els, 09 123 45 67" });
    expect(ids(queues.toWipe)).not.toContain(device.id);
  });

  test("a collected device without wipes is to wipe, and in no other queue", () => {
    const device = collected();
    const queues = technicianQueues(performer.userId, ALL);
    expect(ids(queues.toWipe)).toContain(device.id);
    expect(ids(queues.toCollect)).not.toContain(device.id);
    expect(ids(queues.toValidate)).not.toContain(device.id);
    expect(ids(queues.toCertify)).not.toContain(device.id);
  });

  test("a recorded wipe waits for another technician's validation, never its performer's", () => {
    const device = collected();
    commandValue(recordWipe(performer, { deviceId: device.id, mediumId: device.media[0]!.id, ...passingWipe() }));
    const own = technicianQueues(performer.userId, ALL);
    expect(ids(own.toValidate)).not.toContain(device.id);
    expect(ids(own.awaitingSecondTechnician)).toContain(device.id);
    expect(ids(own.toWipe)).not.toContain(device.id);
    const other = technicianQueues(secondTechnician.userId, ALL);
    expect(ids(other.toValidate)).toContain(device.id);
    expect(ids(other.awaitingSecondTechnician)).not.toContain(device.id);
  });

  test("validated on every medium: to certify, out of the validation queues", () => {
    const device = collected();
    const record = commandValue(recordWipe(performer, { deviceId: device.id, mediumId: device.media[0]!.id, ...passingWipe() }));
    commandValue(validateWipe(secondTechnician, { wipeId: record.id }));
    for (const viewer of [performer, secondTechnician]) {
      const queues = technicianQueues(viewer.userId, ALL);
      expect(ids(queues.toCertify)).toContain(device.id);
      expect(ids(queues.toValidate)).not.toContain(device.id);
      expect(ids(queues.awaitingSecondTechnician)).not.toContain(device.id);
    }
  });

  test("a failed latest attempt puts the medium back to wipe, even after a validated pass", () => {
    const device = collected();
    const mediumId = device.media[0]!.id;
    const now = Date.now();
    const pass = commandValue(recordWipe(performer, { deviceId: device.id, mediumId, ...passingWipe() }, { now }));
    commandValue(validateWipe(secondTechnician, { wipeId: pass.id }, { now: now + 1000 }));
    commandValue(recordWipe(performer, { deviceId: device.id, mediumId, ...passingWipe({ result: "fail" }) }, { now: now + 2000 }));
    const queues = technicianQueues(secondTechnician.userId, ALL);
    expect(ids(queues.toWipe)).toContain(device.id);
    expect(ids(queues.toCertify)).not.toContain(device.id);
    expect(ids(queues.toValidate)).not.toContain(device.id);
  });

  test("a laptop without drives is to wipe until a no-storage record, which waits for another technician", () => {
    const device = collected(deviceInput({ media: [] }));
    expect(ids(technicianQueues(performer.userId, ALL).toWipe)).toContain(device.id);
    const absence = commandValue(recordStorageAbsence(performer, { deviceId: device.id }));
    expect(ids(technicianQueues(performer.userId, ALL).toValidate)).not.toContain(device.id);
    expect(ids(technicianQueues(performer.userId, ALL).awaitingSecondTechnician)).toContain(device.id);
    expect(ids(technicianQueues(secondTechnician.userId, ALL).toValidate)).toContain(device.id);
    commandValue(validateStorageAbsence(secondTechnician, { absenceId: absence.id }));
    expect(ids(technicianQueues(performer.userId, ALL).toCertify)).toContain(device.id);
  });

  test("a monitor without media is to certify at once", () => {
    const device = collected(deviceInput({ type: "monitor", media: [] }));
    expect(ids(technicianQueues(performer.userId, ALL).toCertify)).toContain(device.id);
  });

  test("to certify is exactly what certificationReadiness calls ready", () => {
    const queues = technicianQueues(performer.userId, ALL);
    const certifiable = new Set(ids(queues.toCertify));
    expect(queues.toCertify.count).toBe(certifiable.size);
    const everyCollected = new Set([...ids(queues.toWipe), ...ids(queues.toValidate), ...ids(queues.awaitingSecondTechnician), ...certifiable]);
    for (const deviceId of everyCollected) {
      const device = getDevice(deviceId)!;
      const facts = sanitizationFacts(deviceId);
      const ready =
        certificationReadiness({
          deviceType: device.type,
          mediumIds: facts.mediumIds,
          wipes: facts.records,
          storageAbsences: facts.storageAbsences,
          lastCollectedAt: facts.lastCollectedAt,
        }) === "ready";
      expect(certifiable.has(deviceId), `device ${deviceId}`).toBe(ready);
    }
  });

  test("certified devices are to grade and list; reserved ones wait for pickup, for their recipient", () => {
    const wiped = deviceInState("wiped");
    const reserved = deviceInState("reserved");
    const queues = technicianQueues(performer.userId, ALL);
    expect(ids(queues.toGradeAndList)).toContain(wiped.id);
    expect(ids(queues.toGradeAndList)).not.toContain(reserved.id);
    const pickup = queues.awaitingPickup.items.find((item) => item.id === reserved.id);
    expect(pickup?.recipientName).toMatch(/^school /);
    expect(pickup?.readyAt).toBeNull();
  });

  test("counts are the whole queue; items stop at the limit, oldest first", () => {
    for (let index = 0; index < 3; index++) deviceInState("registered");
    const queues = technicianQueues(performer.userId, 2);
    expect(queues.toCollect.items).toHaveLength(2);
    expect(queues.toCollect.count).toBeGreaterThanOrEqual(3);
    const [first, second] = queues.toCollect.items;
    expect(first!.since).toBeLessThanOrEqual(second!.since);
  });
});

describe("coordinator queues", () => {
  test("a pending organization is to approve; an approved one is not", () => {
    const pending = createOrganization("school", "pending");
    const approved = createOrganization("school");
    const queues = coordinatorQueues(Date.now(), ALL);
    expect(queues.organizationsToApprove.items.map((item) => item.id)).toContain(pending);
    expect(queues.organizationsToApprove.items.map((item) => item.id)).not.toContain(approved);
  });

  test("a filed request is to review; an approved one is not", () => {
    const filed = submittedRequest(createActor("recipient"));
    const approved = approvedRequest(createActor("recipient"));
    const queues = coordinatorQueues(Date.now(), ALL);
    expect(ids(queues.requestsToReview)).toContain(filed.id);
    expect(ids(queues.requestsToReview)).not.toContain(approved.id);
  });

  test("proposals to confirm are the matching engine's proposals now", () => {
    deviceInState("listed");
    approvedRequest(createActor("recipient"), { quantity: 1, minRamGb: 0, minStorageGb: 0 });
    const now = Date.now();
    const queues = coordinatorQueues(now, ALL);
    expect(queues.proposalsToConfirm.count).toBe(proposeMatches(now).proposals.length);
    expect(queues.proposalsToConfirm.count).toBeGreaterThan(0);
    expect(queues.proposalsToConfirm.items[0]).toMatchObject({ assetTag: expect.any(String), recipientName: expect.any(String) });
  });

  test(`a device listed more than ${LISTED_TOO_LONG_DAYS} days ago is shown; one listed today is not`, () => {
    const now = Date.now();
    const old = deviceInState("wiped");
    commandValue(listDevice(lifecycleCast().technician, { deviceId: old.id, grade: "B" }, { now: now - (LISTED_TOO_LONG_DAYS + 1) * 24 * 60 * 60 * 1000 }));
    const fresh = deviceInState("listed");
    const queues = coordinatorQueues(now, ALL);
    expect(ids(queues.listedTooLong)).toContain(old.id);
    expect(ids(queues.listedTooLong)).not.toContain(fresh.id);
    expect(queues.listedTooLong.days).toBe(LISTED_TOO_LONG_DAYS);
  });
});

describe("department queues", () => {
  test("its own devices by state, its registered ones waiting for collection, and a missing contact", () => {
    const departmentId = createOrganization("department");
    const staff = createActor("department", departmentId);
    const waiting = commandValue(registerDevice(staff, { ...deviceInput(), departmentId }));
    const taken = commandValue(registerDevice(staff, { ...deviceInput(), departmentId }));
    commandValue(collectDevice(lifecycleCast().technician, { deviceId: taken.id }));
    const elsewhere = deviceInState("registered");
    const queues = departmentQueues(departmentId, ALL);
    expect(queues.byStatus).toEqual({ registered: 1, collected: 1 });
    expect(ids(queues.awaitingCollection)).toEqual([waiting.id]);
    expect(ids(queues.awaitingCollection)).not.toContain(elsewhere.id);
    expect(queues.contactMissing).toBe(true);
    commandValue(updateOrganizationContact(staff, { organizationId: departmentId, address: "Markt 1", contact: "Els" }));
    expect(departmentQueues(departmentId, ALL).contactMissing).toBe(false);
  });
});
