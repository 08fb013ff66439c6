import { describe, expect, it } from "vitest";
import type { MatchableDevice, MatchableRequest } from "./matching";
import { DEFAULT_SALE_AFTER_DAYS, saleAfterDays, saleStanding, type SaleCandidate } from "./sale-offer";

const day = 86_400_000;
const now = Date.UTC(2026, 11, 2, 12);
const laptop: MatchableDevice = { id: 1, type: "laptop", ramGb: 8, storageGb: 256, screenInches: 14, keyboardLayout: "AZERTY-BE", listedAt: now - 40 * day };
const candidate: SaleCandidate = { device: laptop, offeredByCoordinatorAt: null, withdrawnAt: null, purchaseUnderWay: false };
const schoolRequest: MatchableRequest = {
  id: 7,
  type: "laptop",
  openSlots: 1,
  minRamGb: 4,
  minStorageGb: 128,
  minScreenInches: null,
  keyboardLayout: "any",
  priority: 60,
  waitingSince: now - day,
};

describe("when a listed device is for sale", () => {
  it("listed for the waiting period and no approved request could use it: for sale", () => {
    expect(saleStanding(candidate, [], now)).toEqual({ forSale: true, reason: "unwanted" });
  });

  it("not before the waiting period has passed", () => {
    const recent = { ...candidate, device: { ...laptop, listedAt: now - 29 * day } };
    expect(saleStanding(recent, [], now)).toEqual({ forSale: false, reason: "listed-recently" });
    expect(saleStanding(recent, [], now, 29).forSale).toBe(true);
  });

  it("a request that can use it wins over the shop, at once — also over the coordinator's offer", () => {
    expect(saleStanding(candidate, [schoolRequest], now)).toEqual({ forSale: false, reason: "wanted-by-request" });
    expect(saleStanding({ ...candidate, offeredByCoordinatorAt: now - day }, [schoolRequest], now)).toEqual({ forSale: false, reason: "wanted-by-request" });
  });

  it("uses the matching engine's own test: a request it could not fill does not hold it back", () => {
    const tooBig = { ...schoolRequest, minRamGb: 16 };
    const full = { ...schoolRequest, openSlots: 0 };
    const desktop = { ...schoolRequest, type: "desktop" as const };
    const qwerty = { ...schoolRequest, keyboardLayout: "QWERTY-US" };
    expect(saleStanding(candidate, [tooBig, full, desktop, qwerty], now)).toEqual({ forSale: true, reason: "unwanted" });
  });

  it("a purchase under way keeps it in the shop even when a request could use it", () => {
    expect(saleStanding({ ...candidate, purchaseUnderWay: true }, [schoolRequest], now)).toEqual({ forSale: true, reason: "purchase-under-way" });
  });

  it("the coordinator may offer it before the waiting period; withdrawing takes it out", () => {
    const recent = { ...candidate, device: { ...laptop, listedAt: now - day } };
    expect(saleStanding({ ...recent, offeredByCoordinatorAt: now }, [], now)).toEqual({ forSale: true, reason: "offered-by-coordinator" });
    expect(saleStanding({ ...recent, offeredByCoordinatorAt: now - 2 * day, withdrawnAt: now - day }, [], now)).toEqual({
      forSale: false,
      reason: "withdrawn",
    });
    // An offer made again after a withdrawal counts.
    expect(saleStanding({ ...recent, offeredByCoordinatorAt: now, withdrawnAt: now - day }, [], now).forSale).toBe(true);
  });

  it("a withdrawal also takes out a device that was for sale by the waiting rule", () => {
    expect(saleStanding({ ...candidate, withdrawnAt: now - day }, [], now)).toEqual({ forSale: false, reason: "withdrawn" });
  });
});

describe("SALE_AFTER_DAYS", () => {
  it("defaults to 30 and accepts whole days from 0", () => {
    expect(saleAfterDays(undefined)).toBe(DEFAULT_SALE_AFTER_DAYS);
    expect(DEFAULT_SALE_AFTER_DAYS).toBe(30);
    expect(saleAfterDays("14")).toBe(14);
    expect(saleAfterDays("0")).toBe(0);
  });

  it("refuses what is not a whole number of days", () => {
    for (const bad of ["", "-1", "2.5", "thirty", "1e3"]) expect(() => saleAfterDays(bad)).toThrow(/SALE_AFTER_DAYS/);
  });
});
