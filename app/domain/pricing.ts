// The published price rule for devices sold to employees (issue 12): the residual value of the purchase
// price, written off in a straight line over the type's expected life, times a factor for the condition
// grade, never below the type's floor, in whole euros. Amounts are integer cents. The basis is returned
// with the price so that pages can explain each device's own calculation in words.
import type { DeviceType } from "./devices";
import type { ConditionGrade } from "./lifecycle";

/** Years a device of the type is expected to serve, over which its purchase price is written off. */
export const expectedLifeYears: Record<DeviceType, number> = { laptop: 5, desktop: 6, tablet: 4, monitor: 7, phone: 3, other: 5 };

/** The share of the residual value a grade keeps. Parts-only devices are not sold. */
export const gradeFactors: Record<Exclude<ConditionGrade, "parts">, number> = { A: 1, B: 0.8, C: 0.6 };

/** The lowest price of a type, in cents (whole euros): a device still works, and the sale has its costs. */
export const floorCents: Record<DeviceType, number> = { laptop: 5_000, desktop: 4_000, tablet: 3_000, monitor: 2_000, phone: 2_500, other: 1_000 };

export type PricingInput = {
  type: DeviceType;
  purchasePriceCents: number | null;
  /** YYYY-MM-DD. */
  purchaseDate: string | null;
  conditionGrade: ConditionGrade;
};

export type PriceBasis =
  | {
      kind: "residual";
      purchasePriceCents: number;
      purchaseYear: number;
      lifeYears: number;
      ageYears: number;
      residualCents: number;
      grade: Exclude<ConditionGrade, "parts">;
      gradeFactor: number;
      floorCents: number;
      /** The rule's value was below the floor: the floor is the price. */
      floored: boolean;
    }
  | { kind: "unknown-purchase"; floorCents: number };

export type Price = { priceCents: number; basis: PriceBasis };

const dayMs = 86_400_000;
const yearDays = 365.25;

function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split("-").map(Number);
  return Date.UTC(year!, month! - 1, day!) / dayMs;
}

/** Whole euros, half up. */
function toWholeEuros(cents: number): number {
  return Math.round(cents / 100) * 100;
}

/** The price of a device on `today` (YYYY-MM-DD, the city's date). Throws for a parts-only device: it is not sold. */
export function priceDevice(input: PricingInput, today: string): Price {
  if (input.conditionGrade === "parts") throw new Error("A device graded parts-only is not for sale");
  const floor = floorCents[input.type];
  if (input.purchasePriceCents === null || input.purchaseDate === null) {
    return { priceCents: floor, basis: { kind: "unknown-purchase", floorCents: floor } };
  }
  const lifeYears = expectedLifeYears[input.type];
  // A purchase date after today is a typing error: nothing is written off, never a premium.
  const ageYears = Math.max(0, (dayNumber(today) - dayNumber(input.purchaseDate)) / yearDays);
  const remainingShare = Math.max(0, 1 - ageYears / lifeYears);
  const residualCents = input.purchasePriceCents * remainingShare;
  const gradeFactor = gradeFactors[input.conditionGrade];
  const ruleCents = toWholeEuros(residualCents * gradeFactor);
  const floored = ruleCents < floor;
  return {
    priceCents: floored ? floor : ruleCents,
    basis: {
      kind: "residual",
      purchasePriceCents: input.purchasePriceCents,
      purchaseYear: Number(input.purchaseDate.slice(0, 4)),
      lifeYears,
      ageYears,
      residualCents: Math.round(residualCents),
      grade: input.conditionGrade,
      gradeFactor,
      floorCents: floor,
      floored,
    },
  };
}
