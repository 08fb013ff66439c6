import { describe, expect, test } from "vitest";
import threeDrives from "./fixtures/nwipe/nwipe-zeros-three-drives.log?raw";
import prngVerifyAll from "./fixtures/nwipe/nwipe-prng-verify-all-three-rounds.log?raw";
import single from "./fixtures/nwipe/shredos-dodshort-single.log?raw";
import { nwipeLogLines, parseNwipeLog } from "./nwipe-log";
import { draftsFromNwipeLog, driveLogExcerpt, MAX_LOG_EXCERPT_CHARS, mediumKindOf } from "./wipe-drafts";

function drafts(log: string, media: { id: number; serial: string }[]) {
  return draftsFromNwipeLog(parseNwipeLog(log), media, nwipeLogLines(log));
}

describe("draftsFromNwipeLog", () => {
  test("a drive of the device becomes a draft; the log's other drives are offered with serial, kind, capacity and a draft", () => {
    const result = drafts(threeDrives, [{ id: 7, serial: "z9a1b2c3" }]);
    if (!result.ok) throw new Error(result.problems.join());
    expect(result.drafts.map((draft) => [draft.mediumId, draft.result])).toEqual([[7, "fail"]]);
    expect(result.unknownDrives.map(({ serial, kind, capacityGb }) => ({ serial, kind, capacityGb }))).toEqual([
      { serial: "X3T1PABCD", kind: "HDD", capacityGb: 1000 },
      { serial: "S4EVNX0N123456A", kind: "NVMe", capacityGb: 500 },
    ]);
    expect(result.unknownDrives[1]?.draft).toMatchObject({ method: "clear", technique: "overwrite", result: "pass", verification: "full", tool: "nwipe" });
  });

  test("the kind comes from nwipe's bus where it says SSD", () => {
    const result = drafts(prngVerifyAll, []);
    expect(result.ok && result.unknownDrives.map(({ serial, kind, capacityGb }) => ({ serial, kind, capacityGb }))).toEqual([
      { serial: "50026B7782ABCDEF", kind: "SSD", capacityGb: 240 },
    ]);
  });

  test("a device without drives is offered every drive of the log", () => {
    const result = drafts(single, []);
    expect(result.ok && result.drafts).toEqual([]);
    expect(result.ok && result.unknownDrives.map((drive) => drive.serial)).toEqual(["WD-WCC2E1234567"]);
  });

  test("a log naming none of the device's drives is refused, with a problem the page can translate", () => {
    const result = drafts(single, [{ id: 1, serial: "OTHER-1" }]);
    expect(result).toEqual({
      ok: false,
      problems: [`errors.wipe.logNamesOtherDrives ${JSON.stringify({ logDrives: "WD-WCC2E1234567", deviceDrives: "OTHER-1" })}`],
    });
  });
});

describe("driveLogExcerpt", () => {
  test("holds the drive's lines, its summary rows and the run's version and settings, not the other drives'", () => {
    const excerpt = driveLogExcerpt(nwipeLogLines(threeDrives), { device: "/dev/sdb", serial: "X3T1PABCD" });
    expect(excerpt).toContain("nwipe 0.35");
    expect(excerpt).toContain("12 verification errors on '/dev/sdb'.");
    expect(excerpt).toContain("TOSHIBA MQ01ABD10/X3T1PABCD");
    expect(excerpt).toContain("Total Throughput");
    expect(excerpt).not.toContain("/dev/sda");
    expect(excerpt).not.toContain("nvme0n1");
  });

  test("a long excerpt keeps its start and end within the bound", () => {
    const lines = Array.from({ length: 2000 }, (_, index) => `[2024/03/02 08:00:05]  notice: line ${index} on /dev/sda`);
    const excerpt = driveLogExcerpt(lines, { device: "/dev/sda", serial: null });
    expect(excerpt.length).toBeLessThanOrEqual(MAX_LOG_EXCERPT_CHARS);
    expect(excerpt).toContain("line 0 on");
    expect(excerpt).toContain("line 1999 on");
    expect(excerpt).toMatch(/lines left out/);
  });
});

test("mediumKindOf reads NVMe and eMMC from the device name and SSD from the model", () => {
  expect(mediumKindOf({ device: "/dev/nvme0n1", model: "Samsung SSD 970" })).toBe("NVMe");
  expect(mediumKindOf({ device: "/dev/mmcblk0", model: null })).toBe("eMMC");
  expect(mediumKindOf({ device: "/dev/sda", model: "Samsung SSD 860 EVO" })).toBe("SSD");
  expect(mediumKindOf({ device: "/dev/sda", model: "WDC WD5000AAKX" })).toBe("HDD");
  // Newer nwipe marks a drive that does not rotate on its bus: "ATA-SSD".
  expect(mediumKindOf({ device: "/dev/sdc", model: "KINGSTON SA400S37240G" }, "ATA-SSD")).toBe("SSD");
});
