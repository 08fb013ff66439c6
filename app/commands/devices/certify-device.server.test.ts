import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { custodyEvents, wipeCertificates, wipeRecords } from "~db/schema";
import { db, sqlite } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { listDeviceCustody, verifyLedger } from "~/models/custody.server";
import { publicVerification } from "~/models/device-custody-view.server";
import { getDevice, type DeviceInput } from "~/models/device.server";
import { currentCertificate, latestCertificate, listDeviceWipes, sanitizationStatus } from "~/models/wipe.server";
import { withTempTrigger } from "~/test/database";
import { commandValue, createActor, deviceInState, lifecycleCast, nextNumber, noStoragePresent, passingWipe, wipeEveryMedium } from "~/test/factories";
import { recordWipe } from "../wipes/record-wipe.server";
import { validateWipe } from "../wipes/validate-wipe.server";
import { certifyDevice } from "./certify-device.server";
import { returnDevice } from "./return-device.server";

// Lets one test make the next number's query answer stale once, as a certification that lost a race would.
const staleSequence = vi.hoisted(() => ({ once: false }));
vi.mock("~/models/wipe.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/models/wipe.server")>();
  return {
    ...actual,
    lastCertificateSequence: (...args: Parameters<typeof actual.lastCertificateSequence>) => {
      const sequence = actual.lastCertificateSequence(...args);
      if (!staleSequence.once) return sequence;
      staleSequence.once = false;
      return sequence - 1;
    },
  };
});

const minute = 60_000;
let technician: UserActor;
let validator: UserActor;

beforeAll(() => {
  ({ technician, validator } = lifecycleCast());
});

const people = () => ({ performer: technician, validator });

/** A collected laptop with an SSD and an HDD. */
function collectedLaptop(input: Partial<DeviceInput> = {}) {
  const n = nextNumber();
  return deviceInState("collected", {
    input: {
      media: [
        { serial: `CERT-${n}-SSD`, kind: "SSD", capacityGb: 256 },
        { serial: `CERT-${n}-HDD`, kind: "HDD", capacityGb: 500 },
      ],
      ...input,
    },
  });
}

const total = (table: typeof wipeCertificates | typeof custodyEvents) => db.select({ total: count() }).from(table).get()?.total ?? 0;
const certificateOf = (wipeId: number) =>
  db.select({ certificateId: wipeRecords.certificateId }).from(wipeRecords).where(eq(wipeRecords.id, wipeId)).get()?.certificateId;

describe("certifyDevice", () => {
  test("certifies: the device is wiped, its certificate numbered in the year, its records linked, and the event carries the number", () => {
    // A year of its own, so that the sequence starts at 1 whatever else this file certifies.
    const at = Date.UTC(2031, 2, 1, 9, 0, 0);
    const first = collectedLaptop();
    const second = collectedLaptop();
    const firstRecords = wipeEveryMedium(first, people());
    const secondRecords = wipeEveryMedium(second, people());

    const certified = certifyDevice(validator, { deviceId: first.id }, { now: at });
    expect(certified.ok && certified.value).toMatchObject({ status: "wiped", holder: { kind: "organization", organizationId: lifecycleCast().itServiceId } });
    const certificate = latestCertificate(first.id);
    expect(certificate).toMatchObject({ number: "WC-2031-000001" });
    expect(certificate?.issuedAt.getTime()).toBe(at);
    expect(certificate?.records.map((record) => record.id)).toEqual(firstRecords.map((record) => record.id));
    expect(listDeviceCustody(first.id).at(-1)).toMatchObject({
      type: "certify",
      fromStatus: "collected",
      toStatus: "wiped",
      actorId: validator.userId,
      at,
      details: { certificateNumber: "WC-2031-000001" },
    });

    commandValue(certifyDevice(technician, { deviceId: second.id }, { now: at + minute }));
    expect(latestCertificate(second.id)?.number).toBe("WC-2031-000002");
    expect(latestCertificate(second.id)?.records.map((record) => record.id)).toEqual(secondRecords.map((record) => record.id));
    expect(latestCertificate(first.id)?.number).toBe("WC-2031-000001");
    expect(verifyLedger().intact).toBe(true);
  });

  test("is refused while any medium lacks a validated pass, and writes nothing", () => {
    const device = collectedLaptop();
    const [ssd, hdd] = device.media;
    const before = [total(wipeCertificates), total(custodyEvents)];
    expect(certifyDevice(technician, { deviceId: device.id })).toEqual({ ok: false, reason: "media-not-sanitized" });

    const ssdPass = commandValue(recordWipe(technician, { deviceId: device.id, mediumId: ssd!.id, ...passingWipe() }));
    commandValue(validateWipe(validator, { wipeId: ssdPass.id }));
    commandValue(recordWipe(technician, { deviceId: device.id, mediumId: hdd!.id, ...passingWipe() })); // not validated
    commandValue(recordWipe(technician, { deviceId: device.id, mediumId: hdd!.id, ...passingWipe({ result: "fail" }) }));
    expect(certifyDevice(technician, { deviceId: device.id })).toEqual({ ok: false, reason: "media-not-sanitized" });

    expect(getDevice(device.id)?.status).toBe("collected");
    expect(latestCertificate(device.id)).toBeNull();
    expect([total(wipeCertificates), total(custodyEvents)]).toEqual(before);
    expect(listDeviceWipes(device.id).every((record) => record.certificateId === null)).toBe(true);
  });

  test("refuses roles without device.certify", () => {
    const device = collectedLaptop();
    wipeEveryMedium(device, people());
    expect(certifyDevice(lifecycleCast().coordinator, { deviceId: device.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(certifyDevice(createActor("department", device.departmentId), { deviceId: device.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(getDevice(device.id)?.status).toBe("collected");
  });

  test("an unknown device is not found; a certified one cannot be certified again", () => {
    expect(certifyDevice(technician, { deviceId: 987_654 })).toEqual({ ok: false, reason: "not-found", entity: "device" });
    const wiped = deviceInState("wiped");
    const certificates = total(wipeCertificates);
    expect(certifyDevice(technician, { deviceId: wiped.id })).toEqual({ ok: false, reason: "invalid-state", status: "wiped" });
    expect(total(wipeCertificates)).toBe(certificates);
  });

  test("the latest attempt on each medium decides: a validated pass followed by a fail is refused, until a newer validated pass", () => {
    const device = collectedLaptop();
    const [ssd, hdd] = device.media;
    const start = Date.now() + minute;
    const at = (minutes: number) => ({ now: start + minutes * minute });
    const [ssdPass, hddPass] = wipeEveryMedium(device, people(), at(1));
    const ssdFail = commandValue(recordWipe(technician, { deviceId: device.id, mediumId: ssd!.id, ...passingWipe({ result: "fail" }) }, at(3)));
    const before = [total(wipeCertificates), total(custodyEvents)];

    expect(certifyDevice(validator, { deviceId: device.id }, at(4))).toEqual({ ok: false, reason: "media-not-sanitized" });
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [hdd!.id], complete: false });
    expect([total(wipeCertificates), total(custodyEvents)]).toEqual(before);
    expect(getDevice(device.id)?.status).toBe("collected");

    // A newer pass, validated: the SSD is sanitized again and the device certifies.
    const ssdRewipe = commandValue(recordWipe(technician, { deviceId: device.id, mediumId: ssd!.id, ...passingWipe() }, at(5)));
    expect(certifyDevice(validator, { deviceId: device.id }, at(6))).toEqual({ ok: false, reason: "media-not-sanitized" });
    commandValue(validateWipe(validator, { wipeId: ssdRewipe.id }, at(7)));
    commandValue(certifyDevice(validator, { deviceId: device.id }, at(8)));

    // The certificate lists every attempt of the cycle, the failure included, and marks which decides.
    const certificate = latestCertificate(device.id)!;
    expect(certificate.attempts.map((attempt) => [attempt.id, attempt.result, attempt.deciding])).toEqual([
      [ssdPass!.id, "pass", false],
      [ssdFail.id, "fail", false],
      [ssdRewipe.id, "pass", true],
      [hddPass!.id, "pass", true],
    ]);
    expect(certificate.records.map((record) => record.id)).toEqual([ssdRewipe.id, hddPass!.id]);
    for (const attempt of [ssdPass!, ssdFail, ssdRewipe, hddPass!]) expect(certificateOf(attempt.id)).toBe(certificate.id);
  });

  test("an unvalidated newer pass decides too: the device waits for its validation", () => {
    const device = collectedLaptop();
    const [ssd] = device.media;
    const start = Date.now() + minute;
    wipeEveryMedium(device, people(), { now: start });
    const rewipe = commandValue(recordWipe(technician, { deviceId: device.id, mediumId: ssd!.id, ...passingWipe() }, { now: start + 3 * minute }));
    expect(certifyDevice(validator, { deviceId: device.id }, { now: start + 4 * minute })).toEqual({ ok: false, reason: "media-not-sanitized" });
    commandValue(validateWipe(validator, { wipeId: rewipe.id }, { now: start + 5 * minute }));
    expect(certifyDevice(validator, { deviceId: device.id }, { now: start + 6 * minute }).ok).toBe(true);
  });

  test("links only the attempts of this cycle: records from before the device was returned stay with their old certificate", () => {
    const device = deviceInState("deployed");
    const oldCertificate = latestCertificate(device.id)!;
    const returnedAt = Date.now() + minute;
    commandValue(returnDevice(lifecycleCast().coordinator, { deviceId: device.id }, { now: returnedAt }));
    const [medium] = device.media;
    const failed = commandValue(
      recordWipe(technician, { deviceId: device.id, mediumId: medium!.id, ...passingWipe({ result: "fail" }) }, { now: returnedAt + minute }),
    );
    const [pass] = wipeEveryMedium(device, people(), { now: returnedAt + 2 * minute });
    commandValue(certifyDevice(technician, { deviceId: device.id }, { now: returnedAt + 4 * minute }));
    const certificate = latestCertificate(device.id)!;
    expect(certificate.attempts.map((attempt) => attempt.id)).toEqual([failed.id, pass!.id]);
    expect(oldCertificate.attempts.every((attempt) => certificateOf(attempt.id) === oldCertificate.id)).toBe(true);
  });

  test("a device whose type holds no storage (a monitor) without media is certified straight after collection, on a certificate without records", () => {
    const device = collectedLaptop({ type: "monitor", media: [] });
    expect(commandValue(certifyDevice(technician, { deviceId: device.id })).status).toBe("wiped");
    expect(latestCertificate(device.id)).toMatchObject({ records: [], attempts: [], storageAbsence: null });
  });

  test.each(["laptop", "desktop", "tablet", "phone"] as const)(
    "a %s registered with no media is refused until a second technician validates a no-storage record, which the certificate carries",
    (type) => {
      const device = collectedLaptop({ type, media: [] });
      const before = [total(wipeCertificates), total(custodyEvents)];
      expect(certifyDevice(technician, { deviceId: device.id })).toEqual({ ok: false, reason: "storage-not-accounted-for" });
      expect([total(wipeCertificates), total(custodyEvents)]).toEqual(before);
      expect(getDevice(device.id)?.status).toBe("collected");

      const absence = noStoragePresent(device, people(), { notes: "Drive bay and M.2 slot empty" });
      commandValue(certifyDevice(technician, { deviceId: device.id }));
      const certificate = latestCertificate(device.id)!;
      expect(certificate.records).toEqual([]);
      expect(certificate.storageAbsence).toMatchObject({
        id: absence.id,
        notes: "Drive bay and M.2 slot empty",
        recordedById: technician.userId,
        validatedById: validator.userId,
        certificateId: certificate.id,
      });
    },
  );

  test.each([
    ["the custody event", "BEFORE INSERT ON custody_events"],
    ["linking the records", "BEFORE UPDATE OF certificate_id ON wipe_records"],
  ])("when %s cannot be written, nothing stays: no certificate, no event, the device collected", (_write, when) => {
    const device = collectedLaptop();
    const records = wipeEveryMedium(device, people());
    const before = [total(wipeCertificates), total(custodyEvents)];
    expect(() =>
      withTempTrigger("fail_certify", `${when} BEGIN SELECT RAISE(ABORT, 'forced'); END`, () => certifyDevice(technician, { deviceId: device.id })),
    ).toThrow(/forced/);
    expect(sqlite.inTransaction).toBe(false);
    expect([total(wipeCertificates), total(custodyEvents)]).toEqual(before);
    expect(getDevice(device.id)?.status).toBe("collected");
    for (const record of records) expect(certificateOf(record.id)).toBeNull();
    // Nothing half-written blocks a retry.
    commandValue(certifyDevice(technician, { deviceId: device.id }));
    expect(latestCertificate(device.id)?.records.map((record) => record.id)).toEqual(records.map((record) => record.id));
  });

  test("when the no-storage record cannot be linked, nothing stays: no certificate, no event, the device collected", () => {
    const device = collectedLaptop({ media: [] });
    const absence = noStoragePresent(device, people());
    const before = [total(wipeCertificates), total(custodyEvents)];
    expect(() =>
      withTempTrigger("fail_certify_absence", "BEFORE UPDATE OF certificate_id ON storage_absence_records BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        certifyDevice(technician, { deviceId: device.id }),
      ),
    ).toThrow(/forced/);
    expect(sqlite.inTransaction).toBe(false);
    expect([total(wipeCertificates), total(custodyEvents)]).toEqual(before);
    expect(getDevice(device.id)?.status).toBe("collected");
    commandValue(certifyDevice(technician, { deviceId: device.id }));
    expect(latestCertificate(device.id)?.storageAbsence?.id).toBe(absence.id);
  });

  test("a number taken meanwhile is refused by the unique index and the certification tries the next one", () => {
    const at = Date.UTC(2032, 0, 10, 9, 0, 0);
    const [first, second] = [collectedLaptop(), collectedLaptop()];
    wipeEveryMedium(first, people());
    wipeEveryMedium(second, people());
    commandValue(certifyDevice(technician, { deviceId: first.id }, { now: at }));
    staleSequence.once = true;
    commandValue(certifyDevice(technician, { deviceId: second.id }, { now: at + minute }));
    expect(staleSequence.once).toBe(false);
    expect(latestCertificate(second.id)?.number).toBe("WC-2032-000002");
    expect(listDeviceCustody(second.id).filter((event) => event.type === "certify")).toHaveLength(1);
  });

  test("a returned device needs a new wipe of every medium before it is certified again", () => {
    const device = deviceInState("deployed");
    const oldCertificate = latestCertificate(device.id)!;
    const returnedAt = Date.now() + minute;
    const returned = commandValue(returnDevice(lifecycleCast().coordinator, { deviceId: device.id }, { now: returnedAt }));
    expect(returned.status).toBe("collected");

    // The old wipes predate the return: they no longer count, and the old certificate no longer speaks for the device.
    expect(certifyDevice(technician, { deviceId: device.id }, { now: returnedAt + minute })).toEqual({ ok: false, reason: "media-not-sanitized" });
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });
    expect(currentCertificate(device.id)).toBeNull();
    expect(publicVerification(device.publicId)).toMatchObject({ hasWipeCertificate: false, certificate: null });

    const newRecords = wipeEveryMedium(returned, people(), { now: returnedAt + 2 * minute });
    commandValue(certifyDevice(technician, { deviceId: device.id }, { now: returnedAt + 5 * minute }));
    const newCertificate = currentCertificate(device.id)!;
    expect(newCertificate.number).not.toBe(oldCertificate.number);
    expect(newCertificate.records.map((record) => record.id)).toEqual(newRecords.map((record) => record.id));
    for (const record of oldCertificate.records) expect(certificateOf(record.id)).toBe(oldCertificate.id);
    expect(publicVerification(device.publicId)?.certificate?.number).toBe(newCertificate.number);
    expect(verifyLedger().intact).toBe(true);
  });
});
