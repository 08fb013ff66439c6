import { parseWithZod } from "@conform-to/zod";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { wipeRecords } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { listDeviceWipes } from "~/models/wipe.server";
import { createActor, deviceInState, lifecycleCast, nextNumber, cryptoEraseWipe, passingWipe } from "~/test/factories";
import { recordWipe, recordWipeInput, type WipeRecordFields } from "./record-wipe.server";

let technician: UserActor;
let otherTechnician: UserActor;

beforeAll(() => {
  ({ technician, validator: otherTechnician } = lifecycleCast());
});

const cryptoErase = cryptoEraseWipe();

/** A collected laptop with an SSD and an HDD. */
function collectedLaptop() {
  const n = nextNumber();
  return deviceInState("collected", {
    input: {
      media: [
        { serial: `REC-${n}-SSD`, kind: "SSD", capacityGb: 256 },
        { serial: `REC-${n}-HDD`, kind: "HDD", capacityGb: 500 },
      ],
    },
  });
}

function wipeRecordCount(): number {
  return db.select({ total: count() }).from(wipeRecords).get()?.total ?? 0;
}

describe("recordWipe", () => {
  test("stores the record with its performer, the time and its source, trimmed", () => {
    const device = collectedLaptop();
    const [ssd, hdd] = device.media;
    const at = Date.now() + 60_000;
    const result = recordWipe(
      technician,
      {
        deviceId: device.id,
        mediumId: ssd!.id,
        ...cryptoErase,
        tool: "  hdparm ",
        startedAt: at - 3 * 60_000,
        finishedAt: at - 60_000,
        notes: "  firmware updated first  ",
      },
      { now: at },
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.value).toMatchObject({
      deviceId: device.id,
      mediumId: ssd!.id,
      mediumSerial: ssd!.serial,
      method: "purge",
      technique: "crypto-erase",
      rounds: null,
      tool: "hdparm",
      samplePercent: 10,
      notes: "firmware updated first",
      source: "manual",
      performedById: technician.userId,
      validatedById: null,
      certificateId: null,
    });
    expect(result.value.recordedAt.getTime()).toBe(at);
    expect(result.value.startedAt?.getTime()).toBe(at - 3 * 60_000);

    const fromLog = recordWipe(
      otherTechnician,
      {
        deviceId: device.id,
        mediumId: hdd!.id,
        ...passingWipe({ result: "fail", notes: "   " }),
        source: "nwipe-log",
      },
      { now: at + 60_000 },
    );
    expect(fromLog.ok && fromLog.value).toMatchObject({ source: "nwipe-log", result: "fail", notes: null, performedById: otherTechnician.userId });
    expect(listDeviceWipes(device.id).map((record) => record.mediumId)).toEqual([ssd!.id, hdd!.id]);
  });

  test("refuses roles without wipe.record, and writes nothing", () => {
    const device = collectedLaptop();
    const before = wipeRecordCount();
    const input = { deviceId: device.id, mediumId: device.media[0]!.id, ...passingWipe() };
    expect(recordWipe(lifecycleCast().coordinator, input)).toEqual({ ok: false, reason: "forbidden" });
    expect(recordWipe(createActor("department", device.departmentId), input)).toEqual({ ok: false, reason: "forbidden" });
    expect(recordWipe(createActor("technician", undefined, "pending"), input)).toEqual({ ok: false, reason: "forbidden" });
    expect(wipeRecordCount()).toBe(before);
  });

  test("an unknown device, an unknown medium or another device's medium is not found, and nothing is written", () => {
    const device = collectedLaptop();
    const other = collectedLaptop();
    const before = wipeRecordCount();
    expect(recordWipe(technician, { deviceId: 987_654, mediumId: device.media[0]!.id, ...passingWipe() })).toEqual({
      ok: false,
      reason: "not-found",
      entity: "device",
    });
    expect(recordWipe(technician, { deviceId: device.id, mediumId: 987_654, ...passingWipe() })).toEqual({ ok: false, reason: "not-found", entity: "medium" });
    expect(recordWipe(technician, { deviceId: device.id, mediumId: other.media[0]!.id, ...passingWipe() })).toEqual({
      ok: false,
      reason: "not-found",
      entity: "medium",
    });
    expect(wipeRecordCount()).toBe(before);
  });

  test("records only while the device is collected", () => {
    const registered = deviceInState("registered");
    expect(recordWipe(technician, { deviceId: registered.id, mediumId: registered.media[0]!.id, ...passingWipe() })).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "registered",
    });
    const wiped = deviceInState("wiped");
    expect(recordWipe(technician, { deviceId: wiped.id, mediumId: wiped.media[0]!.id, ...passingWipe() })).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "wiped",
    });
    expect(listDeviceWipes(registered.id)).toEqual([]);
  });

  test("a record that breaks the NIST rules is refused field by field with the form's messages, and nothing is written", () => {
    const device = collectedLaptop();
    const before = wipeRecordCount();
    const attempt = (fields: WipeRecordFields) => recordWipe(technician, { deviceId: device.id, mediumId: device.media[0]!.id, ...fields });
    expect(attempt(passingWipe({ method: "destroy" }))).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { technique: ["errors.wipe.destroyTechnique"] },
    });
    expect(attempt({ ...cryptoErase, rounds: 3 })).toEqual({ ok: false, reason: "invalid-input", fields: { rounds: ["errors.wipe.roundsOnlyForOverwrite"] } });
    expect(attempt(passingWipe({ verification: "sample" }))).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { samplePercent: ["errors.wipe.samplePercentRequired"] },
    });
    const start = Date.now();
    expect(attempt(passingWipe({ startedAt: start, finishedAt: start - 60_000 }))).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { finishedAt: ["errors.wipe.finishedBeforeStarted"] },
    });
    const several = attempt({ ...cryptoErase, method: "destroy", rounds: 2, samplePercent: null });
    expect(!several.ok && several.reason === "invalid-input" && Object.keys(several.fields)).toEqual(["technique", "rounds", "samplePercent"]);
    expect(wipeRecordCount()).toBe(before);
  });

  test("the input schema names the same fields with the same messages, so the page and the API answer alike", () => {
    const json = {
      deviceId: 1,
      mediumId: 2,
      method: "clear",
      technique: "overwrite",
      rounds: 1,
      tool: " nwipe ",
      toolVersion: "0.36",
      verification: "full",
      result: "pass",
    };
    const parsed = recordWipeInput.safeParse({ ...json, method: "destroy", verification: "sample" });
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual([
      ["technique", "errors.wipe.destroyTechnique"],
      ["samplePercent", "errors.wipe.samplePercentRequired"],
    ]);
    const valid = recordWipeInput.parse(json);
    expect(valid).toMatchObject({ tool: "nwipe", samplePercent: null, startedAt: null, notes: null, source: "manual" });
  });

  test("the page's form, with the device and medium from the address, parses with the same schema", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ method: "clear", technique: "overwrite", rounds: "3", tool: "nwipe", toolVersion: "0.36" }))
      form.set(name, value);
    for (const [name, value] of Object.entries({ verification: "full", samplePercent: "", result: "pass", startedAt: "", notes: "", source: "nwipe-log" }))
      form.set(name, value);
    form.set("deviceId", "12");
    form.set("mediumId", "34");
    const submission = parseWithZod(form, { schema: recordWipeInput });
    expect(submission.status === "success" && submission.value).toEqual({
      deviceId: 12,
      mediumId: 34,
      method: "clear",
      technique: "overwrite",
      rounds: 3,
      tool: "nwipe",
      toolVersion: "0.36",
      verification: "full",
      samplePercent: null,
      result: "pass",
      startedAt: null,
      finishedAt: null,
      notes: null,
      source: "nwipe-log",
    });
  });
});
