import { readFileSync } from "node:fs";
import { count } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { wipeRecords } from "~db/schema";
import { db } from "~/db.server";
import { createActor, deviceInState, lifecycleCast, nextNumber } from "~/test/factories";
import { wipeLogJson } from "~/api/wipe-responses.server";
import { MAX_LOG_BYTES, readWipeLog } from "./read-wipe-log.server";

const loggedSerial = "WD-WCC2E1234567";
const nwipeLog = readFileSync("app/domain/fixtures/nwipe/shredos-dodshort-single.log", "utf8");

/** A collected desktop whose HDD is the drive the log wiped (under a serial of its own). */
function desktopInTheLog() {
  const serial = `WD-${nextNumber()}-LOG`;
  const device = deviceInState("collected", { input: { type: "desktop", media: [{ serial, kind: "HDD", capacityGb: 500 }] } });
  return { device, log: nwipeLog.replaceAll(loggedSerial, serial) };
}

function wipeRecordCount(): number {
  return db.select({ total: count() }).from(wipeRecords).get()?.total ?? 0;
}

describe("readWipeLog", () => {
  test("drafts a record for each medium of the device in the log, and saves nothing", () => {
    const { device, log } = desktopInTheLog();
    const before = wipeRecordCount();
    const result = readWipeLog(lifecycleCast().technician, { deviceId: device.id, log });
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.drafts).toEqual([
      expect.objectContaining({ mediumId: device.media[0]!.id, method: "clear", technique: "overwrite", rounds: 1, result: "pass", tool: "nwipe" }),
    ]);
    expect(result.value.ignoredDrives).toEqual([]);
    expect(wipeRecordCount()).toBe(before);
  });

  test("refuses roles without wipe.record", () => {
    const { device, log } = desktopInTheLog();
    expect(readWipeLog(lifecycleCast().coordinator, { deviceId: device.id, log })).toEqual({ ok: false, reason: "forbidden" });
    expect(readWipeLog(createActor("department", device.departmentId), { deviceId: device.id, log })).toEqual({ ok: false, reason: "forbidden" });
  });

  test("an unknown device is not found", () => {
    expect(readWipeLog(lifecycleCast().technician, { deviceId: 987_654, log: nwipeLog })).toEqual({ ok: false, reason: "not-found", entity: "device" });
  });

  test("a log it cannot use says why: empty, too large, not a log, or naming no medium of the device", () => {
    const { device } = desktopInTheLog();
    const read = (log: string) => readWipeLog(lifecycleCast().technician, { deviceId: device.id, log });
    const problems = (log: string) => {
      const result = read(log);
      if (result.ok || result.reason !== "log-unreadable") throw new Error(`Expected an unreadable log, got ${JSON.stringify(result)}`);
      return result.problems.join(" ");
    };
    expect(problems("  \n")).toMatch(/empty/);
    // Counted in bytes: 2-byte characters pass the limit at half the characters.
    expect(problems("é".repeat(MAX_LOG_BYTES / 2 + 1))).toMatch(/larger than 5 MB/);
    expect(problems("hello, this is not a log").length).toBeGreaterThan(0);
    expect(problems(nwipeLog)).toContain(loggedSerial);
  });

  test("a drive the device does not have is listed with serial, kind and capacity, and its draft carries the log's lines", () => {
    const threeDrives = readFileSync("app/domain/fixtures/nwipe/nwipe-zeros-three-drives.log", "utf8");
    const serial = `NV-${nextNumber()}`;
    const device = deviceInState("collected", { input: { media: [{ serial, kind: "NVMe", capacityGb: 500 }] } });
    const result = readWipeLog(lifecycleCast().technician, { deviceId: device.id, log: threeDrives.replaceAll("S4EVNX0N123456A", serial) });
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.drafts.map((draft) => draft.serial)).toEqual([serial]);
    expect(result.value.drafts[0]?.logExcerpt).toContain("/dev/nvme0n1");
    expect(wipeLogJson(result.value).unknownDrives).toEqual([
      { serial: "Z9A1B2C3", kind: "HDD", capacityGb: 1000 },
      { serial: "X3T1PABCD", kind: "HDD", capacityGb: 1000 },
    ]);
    expect(result.value.ignoredDrives).toEqual(["Z9A1B2C3", "X3T1PABCD"]);
  });

  test("a device registered without drives is offered every drive of the log", () => {
    const device = deviceInState("collected", { input: { media: [] } });
    const result = readWipeLog(lifecycleCast().technician, { deviceId: device.id, log: nwipeLog });
    expect(result.ok && result.value.drafts).toEqual([]);
    expect(result.ok && wipeLogJson(result.value).unknownDrives).toEqual([{ serial: loggedSerial, kind: "HDD", capacityGb: 500 }]);
  });
});
