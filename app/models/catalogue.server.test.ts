// The catalogue's queries on a real database: only listed devices, grouped in SQL exactly as the
// domain's rule groups them, filtered and sorted, with each card's waiting requests and certificates.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { devices } from "~db/schema";
import { db } from "~/db.server";
import { groupCatalogue, waitingRequestCount } from "~/domain/catalogue";
import type { UserActor } from "~/domain/lifecycle";
import { approvedRequest, createActor, deviceInState, submittedRequest, type DeviceInStateOptions } from "~/test/factories";
import { certificatesOf, countOnOfferByType, listCatalogue } from "./catalogue.server";
import { matchableRequestOf } from "./match.server";
import { openRequestsForMatching } from "./request.server";

const small = {
  manufacturer: "Lenovo",
  model: "ThinkPad L13",
  type: "laptop",
  ramGb: 8,
  storageGb: 256,
  screenInches: 13.3,
  keyboardLayout: "AZERTY-BE",
} as const;
const big = { manufacturer: "Dell", model: "Latitude 7420", type: "laptop", ramGb: 16, storageGb: 512, screenInches: 14, keyboardLayout: "QWERTY-US" } as const;

let teacher: UserActor;
const listedIds: number[] = [];
let reservedId = 0;
let wipedId = 0;

function device(status: "listed" | "wiped" | "reserved", input: DeviceInStateOptions["input"], grade: DeviceInStateOptions["grade"] = "B") {
  return deviceInState(status, { input: { ...input, media: [{ serial: `M-${Math.random()}`, kind: "SSD", capacityGb: input?.storageGb ?? 128 }] }, grade });
}

beforeAll(() => {
  teacher = createActor("recipient");
  listedIds.push(device("listed", { ...small, batteryHealthPercent: 81 }).id);
  listedIds.push(device("listed", { ...small, batteryHealthPercent: 93 }).id);
  listedIds.push(device("listed", { ...small }, "A").id);
  listedIds.push(device("listed", { ...big, batteryHealthPercent: null }).id);
  listedIds.push(
    device("listed", { manufacturer: "Samsung", model: "Galaxy Tab A8", type: "tablet", ramGb: 3, storageGb: 32, screenInches: 10.5, keyboardLayout: null }).id,
  );
  reservedId = device("reserved", { ...small }).id;
  wipedId = device("wiped", { ...small }).id;
  // Two approved requests that the small laptops serve, one only the big one serves, one submitted.
  approvedRequest(teacher, { type: "laptop", minRamGb: 8, minStorageGb: 128 });
  approvedRequest(teacher, { type: "laptop", minRamGb: 4, minStorageGb: 128, keyboardLayout: "AZERTY-BE", quantity: 2 });
  approvedRequest(teacher, { type: "laptop", minRamGb: 16, minStorageGb: 256 });
  submittedRequest(teacher, { type: "laptop", minRamGb: 4 });
});

describe("listCatalogue", () => {
  test("groups in SQL exactly as the domain's rule does, over the listed devices only", () => {
    const { items, total } = listCatalogue({});
    const listed = db.select().from(devices).where(eq(devices.status, "listed")).all();
    const expected = groupCatalogue(listed.map((row) => ({ ...row, grade: row.conditionGrade })));
    expect(total).toBe(expected.length);
    expect(new Set(items.map((item) => JSON.stringify([item.type, item.model, item.grade, item.deviceIds])))).toEqual(
      new Set(expected.map((group) => JSON.stringify([group.type, group.model, group.grade, [...group.deviceIds].sort((a, b) => a - b)]))),
    );
    const everyId = items.flatMap((item) => item.deviceIds);
    expect(everyId).not.toContain(reservedId);
    expect(everyId).not.toContain(wipedId);
    expect(everyId.sort((a, b) => a - b)).toEqual([...listedIds].sort((a, b) => a - b));
  });

  test("a card counts its devices, gives the battery range and the requests that wait for devices like these", () => {
    const card = listCatalogue({}).items.find((item) => item.model === small.model && item.grade === "B");
    expect(card).toMatchObject({ count: 2, deviceIds: listedIds.slice(0, 2), batteryHealth: { min: 81, max: 93 }, waitingRequests: 2 });
    const requests = openRequestsForMatching().map((request) => ({ ...matchableRequestOf(request), status: request.status }));
    expect(card && waitingRequestCount(card, requests)).toBe(2);
    const bigCard = listCatalogue({ minRamGb: 16 }).items;
    expect(bigCard).toMatchObject([{ model: big.model, count: 1, waitingRequests: 2, batteryHealth: null }]);
  });

  test("filters by type, minimums, keyboard layout (any case) and grade", () => {
    const models = (query: Parameters<typeof listCatalogue>[0]) => listCatalogue(query).items.map((item) => `${item.model} ${item.grade}`);
    expect(models({ type: "tablet" })).toEqual(["Galaxy Tab A8 B"]);
    expect(models({ minStorageGb: 512 })).toEqual(["Latitude 7420 B"]);
    expect(models({ minScreenInches: 13.3, type: "laptop", grade: "A" })).toEqual(["ThinkPad L13 A"]);
    expect(models({ keyboardLayout: "qwerty-us" })).toEqual(["Latitude 7420 B"]);
    expect(models({ minRamGb: 64 })).toEqual([]);
  });

  test("sorts by specs (most RAM, storage, screen first) or newest listing first", () => {
    expect(listCatalogue({ sort: "specs" }).items.map((item) => item.model)).toEqual(["Latitude 7420", "ThinkPad L13", "ThinkPad L13", "Galaxy Tab A8"]);
    const newest = listCatalogue({ sort: "newest" }).items.map((item) => item.newestListedAt);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
  });
});

describe("certificatesOf", () => {
  test("gives each device's current certificate number and the wipe methods behind it", () => {
    const certificates = certificatesOf(listedIds.slice(0, 2));
    expect([...certificates.keys()].sort((a, b) => a - b)).toEqual(listedIds.slice(0, 2));
    for (const certificate of certificates.values()) {
      expect(certificate.number).toMatch(/\S/);
      expect(certificate.methods).toEqual(["purge"]);
    }
    expect(certificatesOf([]).size).toBe(0);
  });
});

describe("countOnOfferByType", () => {
  test("counts listed devices per type, nothing else", () => {
    expect(countOnOfferByType()).toEqual([
      { type: "laptop", count: 4 },
      { type: "tablet", count: 1 },
    ]);
  });
});
