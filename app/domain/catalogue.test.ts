import { describe, expect, test } from "vitest";
import {
  askForOneLikeThisQuery,
  catalogueGroupKey,
  groupCatalogue,
  requestPrefillOf,
  waitingRequestCount,
  waitingRequestCounts,
  type CatalogueGroupFields,
  type WaitingRequest,
} from "./catalogue";
import { feasible } from "./matching";

const laptop: CatalogueGroupFields = {
  type: "laptop",
  manufacturer: "Lenovo",
  model: "ThinkPad L13",
  ramGb: 8,
  storageGb: 256,
  screenInches: 13.3,
  keyboardLayout: "AZERTY-BE",
  grade: "B",
};

function request(overrides: Partial<WaitingRequest> = {}): WaitingRequest {
  return {
    id: 1,
    type: "laptop",
    openSlots: 2,
    minRamGb: 4,
    minStorageGb: 128,
    minScreenInches: null,
    keyboardLayout: "any",
    priority: 50,
    waitingSince: 0,
    status: "approved",
    ...overrides,
  };
}

describe("the grouping rule", () => {
  test("devices alike in type, make, model, specs, layout and grade share one card; ids stay with their card", () => {
    const groups = groupCatalogue([
      { ...laptop, id: 1 },
      { ...laptop, id: 2 },
      { ...laptop, id: 3, grade: "A" },
      { ...laptop, id: 4 },
    ]);
    expect(groups.map((group) => [group.grade, group.deviceIds])).toEqual([
      ["B", [1, 2, 4]],
      ["A", [3]],
    ]);
  });

  test.each([
    ["type", { type: "tablet" }],
    ["manufacturer", { manufacturer: "Dell" }],
    ["model", { model: "ThinkPad L14" }],
    ["RAM", { ramGb: 16 }],
    ["storage", { storageGb: 512 }],
    ["screen", { screenInches: 14 }],
    ["keyboard layout", { keyboardLayout: "QWERTY-US" }],
    ["grade", { grade: "C" }],
    ["an unknown spec against a known one", { ramGb: null }],
  ] as const)("a different %s makes another card", (_field, difference) => {
    expect(catalogueGroupKey({ ...laptop, ...difference })).not.toBe(catalogueGroupKey(laptop));
    expect(
      groupCatalogue([
        { ...laptop, id: 1 },
        { ...laptop, ...difference, id: 2 },
      ]),
    ).toHaveLength(2);
  });

  test("what the card does not show (battery, serials, the department) does not split it", () => {
    const groups = groupCatalogue([
      { ...laptop, id: 1, batteryHealthPercent: 91, serial: "A1", departmentId: 3 },
      { ...laptop, id: 2, batteryHealthPercent: 72, serial: "B2", departmentId: 4 },
    ]);
    expect(groups).toEqual([{ ...laptop, deviceIds: [1, 2] }]);
  });
});

describe("requests waiting for devices like these", () => {
  test("counts approved and partly fulfilled requests with open slots that a device of the card could serve", () => {
    const requests = [
      request({ id: 1 }),
      request({ id: 2, status: "partly-fulfilled", openSlots: 1 }),
      request({ id: 3, minRamGb: 8, minStorageGb: 256, minScreenInches: 13, keyboardLayout: "azerty-be" }),
    ];
    expect(waitingRequestCount(laptop, requests)).toBe(3);
  });

  test("submitted, rejected, fulfilled and cancelled requests do not wait, nor do approved ones without an open slot", () => {
    const requests = [
      request({ id: 1, status: "submitted" }),
      request({ id: 2, status: "rejected" }),
      request({ id: 3, status: "fulfilled" }),
      request({ id: 4, status: "cancelled" }),
      request({ id: 5, openSlots: 0 }),
    ];
    expect(waitingRequestCount(laptop, requests)).toBe(0);
  });

  test.each([
    ["another type", { type: "tablet" }],
    ["more RAM", { minRamGb: 16 }],
    ["more storage", { minStorageGb: 512 }],
    ["a bigger screen", { minScreenInches: 15 }],
    ["another keyboard layout", { keyboardLayout: "QWERTY-US" }],
  ] as const)("a request asking for %s does not count", (_what, asks) => {
    expect(waitingRequestCount(laptop, [request(asks)])).toBe(0);
  });

  test("agrees with the matching engine's feasibility test on every pair", () => {
    const cards: CatalogueGroupFields[] = [
      laptop,
      { ...laptop, ramGb: null, storageGb: null, screenInches: null, keyboardLayout: null },
      { ...laptop, ramGb: 16, screenInches: 15.6, keyboardLayout: "QWERTY-US" },
      { ...laptop, type: "tablet" },
    ];
    const requests: WaitingRequest[] = [];
    let id = 0;
    for (const minRamGb of [0, 8, 16])
      for (const minScreenInches of [null, 14])
        for (const keyboardLayout of ["any", "QWERTY-US", "azerty-be"])
          for (const openSlots of [0, 1]) requests.push(request({ id: (id += 1), minRamGb, minScreenInches, keyboardLayout, openSlots }));
    const counts = waitingRequestCounts(cards, requests);
    cards.forEach((card, index) => {
      const device = { id: 0, listedAt: 0, ...card };
      expect(counts[index]).toBe(requests.filter((candidate) => feasible(device, candidate)).length);
    });
    expect(counts).toEqual([4, 0, 12, 0]);
  });
});

describe("ask for one like this", () => {
  test("the card's type and specs become the request form's minimums", () => {
    const query = new URLSearchParams(askForOneLikeThisQuery(laptop));
    expect(Object.fromEntries(query)).toEqual({ type: "laptop", minRamGb: "8", minStorageGb: "256", minScreenInches: "13.3", keyboardLayout: "AZERTY-BE" });
    expect(requestPrefillOf(query)).toEqual({ type: "laptop", minRamGb: "8", minStorageGb: "256", minScreenInches: "13.3", keyboardLayout: "AZERTY-BE" });
  });

  test("unknown specs and layouts the form does not offer are left to the form's defaults", () => {
    const query = askForOneLikeThisQuery({ ...laptop, ramGb: null, storageGb: null, screenInches: null, keyboardLayout: "Dvorak" });
    expect(query).toBe("type=laptop");
    expect(requestPrefillOf(new URLSearchParams("keyboardLayout=azerty-be"))).toEqual({ keyboardLayout: "AZERTY-BE" });
  });

  test("values the form would refuse are dropped, not passed on", () => {
    const prefill = requestPrefillOf(new URLSearchParams("type=spaceship&minRamGb=-4&minStorageGb=1e9&minScreenInches=0&keyboardLayout=<b>"));
    expect(prefill).toEqual({});
    expect(requestPrefillOf(new URLSearchParams("minRamGb=8.5&minScreenInches=15.6"))).toEqual({ minScreenInches: "15.6" });
  });
});
