// When a listed device is offered to employees (issue 12; DESIGN.md "schools first"): only when no
// approved request with an open slot could use it — the matching engine's own feasibility test —
// and it has been listed for SALE_AFTER_DAYS days, or the coordinator offered it. A request that can
// use it takes it out of the shop at once, unless a purchase is already under way.
import { feasible, type MatchableDevice, type MatchableRequest } from "./matching";

export const DEFAULT_SALE_AFTER_DAYS = 30;

export type SaleCandidate = {
  /** A listed device; `listedAt` is when it was listed. */
  device: MatchableDevice;
  /** Epoch ms of the coordinator's latest "offer now", or null. */
  offeredByCoordinatorAt: number | null;
  /** Epoch ms of the latest withdrawal from sale, or null. */
  withdrawnAt: number | null;
  /** A purchase of this device is pending or paid. */
  purchaseUnderWay: boolean;
};

export type SaleReason = "purchase-under-way" | "wanted-by-request" | "withdrawn" | "offered-by-coordinator" | "unwanted" | "listed-recently";

export type SaleStanding = { forSale: boolean; reason: SaleReason };

const dayMs = 86_400_000;

/** SALE_AFTER_DAYS from the environment: whole days, 30 when unset. */
export function saleAfterDays(setting: string | undefined): number {
  if (setting === undefined) return DEFAULT_SALE_AFTER_DAYS;
  if (!/^\d+$/.test(setting)) throw new Error(`SALE_AFTER_DAYS must be a whole number of days, not "${setting}"`);
  return Number(setting);
}

/** Whether the device is for sale now, and why (for the coordinator's device page and the shop). */
export function saleStanding(
  candidate: SaleCandidate,
  openRequests: readonly MatchableRequest[],
  now: number,
  afterDays = DEFAULT_SALE_AFTER_DAYS,
): SaleStanding {
  if (candidate.purchaseUnderWay) return { forSale: true, reason: "purchase-under-way" };
  if (openRequests.some((request) => feasible(candidate.device, request))) return { forSale: false, reason: "wanted-by-request" };
  const offered = candidate.offeredByCoordinatorAt;
  const withdrawn = candidate.withdrawnAt;
  if (withdrawn !== null && (offered === null || offered <= withdrawn)) return { forSale: false, reason: "withdrawn" };
  if (offered !== null) return { forSale: true, reason: "offered-by-coordinator" };
  if (now - candidate.device.listedAt >= afterDays * dayMs) return { forSale: true, reason: "unwanted" };
  return { forSale: false, reason: "listed-recently" };
}
