import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { storageAbsenceRecords } from "~db/schema";
import { db, sqlite } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { withTempTrigger } from "~/test/database";
import { commandValue, createActor, deviceInState, lifecycleCast, nextNumber, noStoragePresent } from "~/test/factories";
import { returnDevice } from "../devices/return-device.server";
import { recordStorageAbsence, recordStorageAbsenceInput } from "./record-storage-absence.server";

let technician: UserActor;
let validator: UserActor;

beforeAll(() => {
  ({ technician, validator } = lifecycleCast());
});

/** A laptop registered without storage media, in this state. */
const laptopWithoutMedia = (status: "registered" | "collected" | "wiped" | "deployed" = "collected") =>
  deviceInState(status, { input: { media: [], storageGb: null, assetTag: `NOSTORE-${nextNumber()}` } });

const absencesOf = (deviceId: number) => db.select().from(storageAbsenceRecords).where(eq(storageAbsenceRecords.deviceId, deviceId)).all();
const total = () => db.select({ total: count() }).from(storageAbsenceRecords).get()?.total ?? 0;

describe("recordStorageAbsence", () => {
  test("a technician records that a collected device without media holds no storage: who, when, what was checked", () => {
    const device = laptopWithoutMedia();
    const at = Date.now() + 60_000;
    const result = recordStorageAbsence(technician, { deviceId: device.id, notes: "  M.2 slot empty, no eMMC on the board  " }, { now: at });
    expect(result.ok && result.value).toMatchObject({
      deviceId: device.id,
      notes: "M.2 slot empty, no eMMC on the board",
      recordedById: technician.userId,
      recordedByName: expect.any(String),
      validatedById: null,
      validatedAt: null,
      certificateId: null,
    });
    expect(result.ok && result.value.recordedAt.getTime()).toBe(at);
    expect(absencesOf(device.id)).toHaveLength(1);
  });

  test("without notes, none are stored", () => {
    const device = laptopWithoutMedia();
    expect(commandValue(recordStorageAbsence(technician, { deviceId: device.id })).notes).toBeNull();
  });

  test("refuses roles without wipe.record, and writes nothing", () => {
    const device = laptopWithoutMedia();
    expect(recordStorageAbsence(lifecycleCast().coordinator, { deviceId: device.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(recordStorageAbsence(createActor("department", device.departmentId), { deviceId: device.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(absencesOf(device.id)).toEqual([]);
  });

  test("a device with storage media cannot get one: its media are wiped instead", () => {
    const device = deviceInState("collected");
    expect(device.media.length).toBeGreaterThan(0);
    expect(recordStorageAbsence(technician, { deviceId: device.id })).toEqual({ ok: false, reason: "device-has-media" });
    expect(absencesOf(device.id)).toEqual([]);
  });

  test.each(["registered", "wiped"] as const)("only while the device is collected: refused when %s", (status) => {
    const device = laptopWithoutMedia(status);
    const before = absencesOf(device.id).length;
    expect(recordStorageAbsence(technician, { deviceId: device.id })).toEqual({ ok: false, reason: "invalid-state", status });
    expect(absencesOf(device.id)).toHaveLength(before);
  });

  test("an unknown device is not found; a device outside the actor's scope is out of scope", () => {
    expect(recordStorageAbsence(technician, { deviceId: 987_654 })).toEqual({ ok: false, reason: "not-found", entity: "device" });
  });

  test("once per cycle: a second record is refused until the device is collected again", () => {
    const device = laptopWithoutMedia("deployed");
    // It was certified on a validated record of its first cycle (deviceInState makes one).
    expect(absencesOf(device.id)).toHaveLength(1);
    const returnedAt = Date.now() + 60_000;
    commandValue(returnDevice(lifecycleCast().coordinator, { deviceId: device.id }, { now: returnedAt }));
    commandValue(recordStorageAbsence(technician, { deviceId: device.id }, { now: returnedAt + 60_000 }));
    expect(recordStorageAbsence(validator, { deviceId: device.id }, { now: returnedAt + 120_000 })).toEqual({ ok: false, reason: "storage-absence-recorded" });
    expect(absencesOf(device.id)).toHaveLength(2);
  });

  test("a validated record of this cycle is not recorded again either", () => {
    const device = laptopWithoutMedia();
    noStoragePresent(device, { performer: technician, validator });
    expect(recordStorageAbsence(technician, { deviceId: device.id })).toEqual({ ok: false, reason: "storage-absence-recorded" });
  });

  test("the notes go on the certificate: characters its fonts cannot print are refused at input, line breaks are kept", () => {
    const refused = recordStorageAbsenceInput.safeParse({ deviceId: 1, notes: "Bay empty 漢字" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path)).toEqual([["notes"]]);
    expect(recordStorageAbsenceInput.parse({ deviceId: 1, notes: "Şahin: bay empty\nno eMMC" }).notes).toBe("Şahin: bay empty\nno eMMC");
  });

  test("when the record cannot be written, nothing stays and a retry works", () => {
    const device = laptopWithoutMedia();
    const before = total();
    expect(() =>
      withTempTrigger("fail_absence", "BEFORE INSERT ON storage_absence_records BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        recordStorageAbsence(technician, { deviceId: device.id }),
      ),
    ).toThrow(/forced/);
    expect(sqlite.inTransaction).toBe(false);
    expect(total()).toBe(before);
    expect(recordStorageAbsence(technician, { deviceId: device.id }).ok).toBe(true);
  });
});
