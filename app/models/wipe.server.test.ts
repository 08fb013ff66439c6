// The wipe queries: which records a device has, which media count as sanitized, and what the public
// page shows of a certificate. The writes are the commands' (app/commands/wipes, certify-device).
import { beforeAll, describe, expect, test } from "vitest";
import { users } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { commandValue, deviceInState, lifecycleCast, nextNumber, cryptoEraseWipe, noStoragePresent, passingWipe, wipeEveryMedium } from "~/test/factories";
import { certifyDevice } from "~/commands/devices/certify-device.server";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { listDevice } from "~/commands/devices/list-device.server";
import { recordWipe } from "~/commands/wipes/record-wipe.server";
import { validateWipe } from "~/commands/wipes/validate-wipe.server";
import { publicVerification } from "./device-custody-view.server";
import { certificationStatus, latestCertificate, listDeviceWipes, sanitizationStatus } from "./wipe.server";

const minute = 60_000;
let performer: UserActor;
let validator: UserActor;

beforeAll(() => {
  ({ technician: performer, validator } = lifecycleCast());
});

function laptopIn(status: "registered" | "collected") {
  const n = nextNumber();
  return deviceInState(status, {
    input: {
      media: [
        { serial: `Q-${n}-SSD`, kind: "SSD", capacityGb: 256 },
        { serial: `Q-${n}-HDD`, kind: "HDD", capacityGb: 500 },
      ],
    },
  });
}

const cryptoErase = cryptoEraseWipe();

function record(deviceId: number, mediumId: number, at: number, fields = passingWipe()) {
  return commandValue(recordWipe(performer, { deviceId, mediumId, ...fields }, { now: at }));
}

describe("listDeviceWipes", () => {
  test("lists only the device's records, in the order they were recorded", () => {
    const device = laptopIn("collected");
    const other = laptopIn("collected");
    const start = Date.now() + minute;
    const late = record(device.id, device.media[0]!.id, start + 9 * minute);
    const early = record(device.id, device.media[1]!.id, start + 3 * minute);
    record(other.id, other.media[0]!.id, start + 5 * minute);
    expect(listDeviceWipes(device.id).map((row) => row.id)).toEqual([early.id, late.id]);
    expect(listDeviceWipes(987_654)).toEqual([]);
  });
});

describe("sanitizationStatus", () => {
  test("only validated passes since collection count, and the device is complete once every medium has one", () => {
    const registered = laptopIn("registered");
    expect(sanitizationStatus(registered.id)).toEqual({ sanitizedMediumIds: [], complete: false });
    const start = Date.now() + minute;
    const device = commandValue(collectDevice(performer, { deviceId: registered.id }, { now: start }));
    const [ssd, hdd] = device.media;
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });

    record(device.id, ssd!.id, start + minute, passingWipe({ result: "fail" }));
    const unvalidated = record(device.id, hdd!.id, start + minute);
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });

    const ssdPass = record(device.id, ssd!.id, start + 2 * minute, cryptoErase);
    commandValue(validateWipe(validator, { wipeId: ssdPass.id }, { now: start + 3 * minute }));
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [ssd!.id], complete: false });

    commandValue(validateWipe(validator, { wipeId: unvalidated.id }, { now: start + 4 * minute }));
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [ssd!.id, hdd!.id], complete: true });
  });

  test("a device whose type holds no storage, without media, is complete once collected, not before", () => {
    const device = deviceInState("registered", { input: { type: "monitor", media: [] } });
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });
    commandValue(collectDevice(performer, { deviceId: device.id }));
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: true });
  });

  test("a laptop without media is complete only with a validated no-storage record of this cycle", () => {
    const device = commandValue(collectDevice(performer, { deviceId: deviceInState("registered", { input: { media: [] } }).id }));
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });
    expect(certificationStatus(device)).toMatchObject({ readiness: "storage-not-accounted-for", storageAbsence: null, decidingWipeIds: [] });
    const absence = noStoragePresent(device, { performer, validator }, { notes: "No drive" });
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: true });
    expect(certificationStatus(device)).toMatchObject({
      readiness: "ready",
      storageAbsence: { id: absence.id, notes: "No drive", recordedByName: expect.any(String), validatedByName: expect.any(String) },
    });
  });

  test("certificationStatus names each medium's deciding attempt: a later fail undoes a validated pass", () => {
    const device = laptopIn("collected");
    const [ssd, hdd] = device.media;
    const start = Date.now() + minute;
    const ssdPass = record(device.id, ssd!.id, start);
    const hddPass = record(device.id, hdd!.id, start);
    for (const pass of [ssdPass, hddPass]) commandValue(validateWipe(validator, { wipeId: pass.id }, { now: start + minute }));
    expect(certificationStatus(device)).toMatchObject({ readiness: "ready", decidingWipeIds: [ssdPass.id, hddPass.id] });
    const ssdFail = record(device.id, ssd!.id, start + 2 * minute, passingWipe({ result: "fail" }));
    expect(certificationStatus(device)).toMatchObject({
      readiness: "media-not-sanitized",
      sanitizedMediumIds: [hdd!.id],
      decidingWipeIds: [ssdFail.id, hddPass.id],
    });
  });
});

describe("publicVerification", () => {
  test("shows the certificate, each medium's method and validating organization, and no person's name or e-mail", () => {
    const device = laptopIn("collected");
    const [ssd, hdd] = device.media;
    const start = Date.now() + minute;
    const ssdRecord = record(device.id, ssd!.id, start, { ...cryptoErase, notes: "Petra Performer (petra@demo.city) did this one" });
    const hddRecord = record(device.id, hdd!.id, start + minute);
    const [validated] = [ssdRecord, hddRecord].map((wipe) => commandValue(validateWipe(validator, { wipeId: wipe.id }, { now: start + 2 * minute })));
    commandValue(certifyDevice(validator, { deviceId: device.id }, { now: start + 3 * minute }));
    commandValue(listDevice(performer, { deviceId: device.id, grade: "A" }, { now: start + 4 * minute }));
    const certificate = latestCertificate(device.id)!;
    const itService = validated!.validatorOrganizationName;
    expect(itService).toEqual(expect.any(String));

    const verification = publicVerification(device.publicId);
    expect(verification?.device).toEqual({ publicId: device.publicId, type: "laptop", manufacturer: "Dell", model: "Latitude 5490", status: "listed" });
    expect(verification?.hasWipeCertificate).toBe(true);
    expect(verification?.certificate).toEqual({
      number: certificate.number,
      issuedAt: start + 3 * minute,
      media: [
        { kind: "SSD", capacityGb: 256, method: "purge", technique: "crypto-erase", result: "pass", validatorOrganization: itService },
        { kind: "HDD", capacityGb: 500, method: "purge", technique: "overwrite", result: "pass", validatorOrganization: itService },
      ],
    });
    expect(verification?.events.find((event) => event.type === "certify")).toMatchObject({
      actorRole: "technician",
      details: { certificateNumber: certificate.number },
    });
    expect(verification?.events.find((event) => event.type === "list")?.details).toEqual({ grade: "A" });
    expect(verification?.deviceChainIntact).toBe(true);

    const json = JSON.stringify(verification);
    const everyone = db.select({ id: users.id, name: users.name, email: users.email }).from(users).all();
    expect(everyone.length).toBeGreaterThanOrEqual(3);
    for (const someone of everyone) {
      expect(json).not.toContain(someone.name);
      expect(json).not.toContain(someone.email);
      expect(json).not.toContain(someone.id);
    }
    expect(json).not.toContain("did this one");
  });

  test("a device without a certificate says so; an unknown public id is null", () => {
    const device = laptopIn("collected");
    wipeEveryMedium(device, { performer, validator });
    expect(publicVerification(device.publicId)).toMatchObject({ hasWipeCertificate: false, certificate: null, device: { status: "collected" } });
    expect(publicVerification(device.publicId)?.events.map((event) => event.type)).toEqual(["register", "collect"]);
    expect(publicVerification("no-such-public-id")).toBeNull();
  });
});
