import { describe, expect, test } from "vitest";
import { correctionDetails, mediaChanges, noChanges, specCorrections, type DeviceSpecs } from "./device-corrections";

const registeredSpecs: DeviceSpecs = {
  cpu: "Intel Core i5-8250U",
  ramGb: 8,
  storageGb: 256,
  screenInches: 14,
  keyboardLayout: "AZERTY-BE",
  batteryHealthPercent: null,
  weightKg: 1.5,
};
const hdd = { id: 1, serial: "HDD-1", kind: "HDD" as const, capacityGb: 500 };
const ssd = { id: 2, serial: "SSD-2", kind: "SSD" as const, capacityGb: 256 };

describe("specCorrections", () => {
  test("only fields that differ, with what was registered and what was found", () => {
    expect(specCorrections(registeredSpecs, { ...registeredSpecs, ramGb: 16, batteryHealthPercent: 81, cpu: " Intel Core i5-8250U " })).toEqual({
      ramGb: { from: 8, to: 16 },
      batteryHealthPercent: { from: null, to: 81 },
    });
  });

  test("a field left out is unchanged; an emptied one is cleared", () => {
    expect(specCorrections(registeredSpecs, { ramGb: 8 })).toEqual({});
    expect(specCorrections(registeredSpecs, undefined)).toEqual({});
    expect(specCorrections(registeredSpecs, { keyboardLayout: null })).toEqual({ keyboardLayout: { from: "AZERTY-BE", to: null } });
  });
});

describe("mediaChanges", () => {
  test("kept, corrected, removed and added drives", () => {
    const result = mediaChanges(
      [hdd, ssd],
      [
        { ...hdd, serial: "HDD-1-CORRECT" },
        { serial: "NVME-3", kind: "NVMe", capacityGb: 512 },
      ],
    );
    expect(result).toEqual({
      ok: true,
      changes: {
        added: [{ serial: "NVME-3", kind: "NVMe", capacityGb: 512 }],
        removed: [ssd],
        corrected: [{ id: 1, from: { serial: "HDD-1", kind: "HDD", capacityGb: 500 }, to: { serial: "HDD-1-CORRECT", kind: "HDD", capacityGb: 500 } }],
      },
    });
  });

  test("the drives as registered, or none given, change nothing", () => {
    const same = mediaChanges([hdd, ssd], [hdd, ssd]);
    expect(same.ok && noChanges(same.changes, {})).toBe(true);
    const none = mediaChanges([hdd], undefined);
    expect(none.ok && noChanges(none.changes, {})).toBe(true);
  });

  test("an id that is no drive of the device, or named twice, is refused by its position", () => {
    expect(mediaChanges([hdd], [{ ...ssd }])).toEqual({ ok: false, unknownAt: 0 });
    expect(mediaChanges([hdd], [hdd, hdd])).toEqual({ ok: false, unknownAt: 1 });
  });
});

describe("correctionDetails", () => {
  test("records only the kinds of change that happened, as plain JSON", () => {
    const media = mediaChanges([hdd], [{ serial: "SSD-9", kind: "SSD", capacityGb: 128 }]);
    if (!media.ok) throw new Error("expected changes");
    const details = correctionDetails(media.changes, { ramGb: { from: 8, to: 16 } });
    expect(details).toEqual({
      mediaAdded: [{ serial: "SSD-9", kind: "SSD", capacityGb: 128 }],
      mediaRemoved: [{ serial: "HDD-1", kind: "HDD", capacityGb: 500 }],
      specsCorrected: { ramGb: { from: 8, to: 16 } },
    });
    expect(JSON.parse(JSON.stringify(details))).toEqual(details);
    expect(correctionDetails({ added: [], removed: [], corrected: [] }, {})).toEqual({});
  });
});
