// What reuse saved: the rules behind the impact dashboard, the Fair ICT report and the public figures.
// Pure: the models aggregate the same rules in SQL (app/models/impact.server.ts), and a test recomputes
// their totals device by device with the functions here.
//
// THE COUNTING RULE (also on the dashboard):
//   - A handover to a new holder is one redeployment (a handover back to the holder who had the device
//     before is not a new one). Each redeployment counts for life extension: its second life runs from
//     the handover to the return or recycling that ends it, or to today.
//   - Carbon, e-waste and replacement cost are counted ONCE per device: on its first handover. A device
//     that comes back and goes out again avoided one new device, not two.
//   - kg CO2e avoided = the device's embodied carbon (app/domain/carbon-reference.ts).
//   - kg e-waste diverted = the device's own weight, else its reference product's weight, else the
//     type's default weight (defaultWeightsKg).
//   - € replacement avoided = the price of a new device of its type (replacement prices below, which a
//     city sets with IMPACT_REPLACEMENT_PRICES_EUR, e.g. "laptop=950,monitor=180").
//   - Life before Circuit = purchase date → registration; the service life of a device recycled
//     without reuse = purchase → recycling.
// Periods are calendar days in the city's time zone (Europe/Brussels): a quarter runs from its first
// day 00:00 to the next quarter's first day 00:00, so a handover at 23:59 on 31 March is in Q1.
import type { DeviceType } from "./devices";

export const CITY_TIME_ZONE = "Europe/Brussels";

/** Where redeployed devices went (by the recipient's kind, a sale, or none of these), and recycling. */
export const destinations = ["school", "nonprofit", "employee", "sold", "other", "recycled"] as const;
export type Destination = (typeof destinations)[number];
const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 365.25 * DAY_MS;

/** A new device's price (€) by type, when the city sets none: typical public-tender prices of business models. */
export const defaultReplacementPricesEur: Record<DeviceType, number> = { laptop: 900, desktop: 750, monitor: 200, tablet: 450, phone: 350, other: 100 };

/** A device's weight (kg) by type when neither it nor its reference product has one. */
export const defaultWeightsKg: Record<DeviceType, number> = { laptop: 2, desktop: 7.5, monitor: 5, tablet: 0.6, phone: 0.2, other: 1 };

/** Reads "laptop=950,monitor=180" over the defaults; unknown types and bad numbers are ignored. */
export function replacementPrices(setting: string | undefined | null): Record<DeviceType, number> {
  const prices = { ...defaultReplacementPricesEur };
  for (const pair of (setting ?? "").split(",")) {
    const [type, value] = pair.split("=").map((part) => part.trim());
    const price = Number(value);
    if (type && type in prices && value !== "" && Number.isFinite(price) && price >= 0) prices[type as DeviceType] = price;
  }
  return prices;
}

export function ewasteKg(device: { type: DeviceType; weightKg: number | null; referenceWeightKg: number | null }): number {
  return device.weightKg ?? device.referenceWeightKg ?? defaultWeightsKg[device.type];
}

/** The four figures the dashboard, report and open data sum. */
export type ImpactFigures = { devicesRedeployed: number; kgCo2eAvoided: number; kgEwasteDiverted: number; eurReplacementAvoided: number };

export const noFigures: ImpactFigures = { devicesRedeployed: 0, kgCo2eAvoided: 0, kgEwasteDiverted: 0, eurReplacementAvoided: 0 };

export function addFigures(a: ImpactFigures, b: ImpactFigures): ImpactFigures {
  return {
    devicesRedeployed: a.devicesRedeployed + b.devicesRedeployed,
    kgCo2eAvoided: a.kgCo2eAvoided + b.kgCo2eAvoided,
    kgEwasteDiverted: a.kgEwasteDiverted + b.kgEwasteDiverted,
    eurReplacementAvoided: a.eurReplacementAvoided + b.eurReplacementAvoided,
  };
}

/** Rounded for display and open data: kg to one decimal, euros whole. */
export function roundFigures(figures: ImpactFigures): ImpactFigures {
  return {
    devicesRedeployed: figures.devicesRedeployed,
    kgCo2eAvoided: Math.round(figures.kgCo2eAvoided * 10) / 10,
    kgEwasteDiverted: Math.round(figures.kgEwasteDiverted * 10) / 10,
    eurReplacementAvoided: Math.round(figures.eurReplacementAvoided),
  };
}

export type ImpactDevice = { type: DeviceType; carbonKgCo2e: number | null; weightKg: number | null; referenceWeightKg: number | null };
/** One handover from the ledger: when, and to whom (the holder's JSON as the event holds it). */
export type Handover = { seq: number; at: number; toHolder: string };

/**
 * The figures one device's handovers add inside [startMs, endMs): the counting rule above. `handovers`
 * are ALL the device's handovers (earlier ones decide what counts), in any order.
 */
export function deviceFigures(
  device: ImpactDevice,
  handovers: readonly Handover[],
  startMs: number,
  endMs: number,
  prices: Record<DeviceType, number>,
): ImpactFigures {
  const ordered = [...handovers].sort((a, b) => a.seq - b.seq);
  let figures = noFigures;
  ordered.forEach((handover, index) => {
    if (handover.at < startMs || handover.at >= endMs) return;
    const previous = ordered[index - 1];
    const redeployed = previous === undefined || previous.toHolder !== handover.toHolder;
    const first = index === 0;
    figures = addFigures(figures, {
      devicesRedeployed: redeployed ? 1 : 0,
      kgCo2eAvoided: first ? (device.carbonKgCo2e ?? 0) : 0,
      kgEwasteDiverted: first ? ewasteKg(device) : 0,
      eurReplacementAvoided: first ? prices[device.type] : 0,
    });
  });
  return figures;
}

/** Years between two instants (epoch ms), never negative. */
export function yearsBetween(fromMs: number, toMs: number): number {
  return Math.max(0, toMs - fromMs) / YEAR_MS;
}

/** First life: purchase date (YYYY-MM-DD) → registration in Circuit; null without a purchase date. */
export function firstLifeYears(purchaseDate: string | null, registeredAt: number): number | null {
  if (!purchaseDate) return null;
  return yearsBetween(Date.parse(`${purchaseDate}T12:00:00Z`), registeredAt);
}

/** One redeployment's second life: handover → the return or recycling that ended it, else now. */
export function secondLifeYears(handoverAt: number, endedAt: number | null, now: number): number {
  return yearsBetween(handoverAt, endedAt ?? now);
}

// ---- Periods ----

export type PeriodChoice =
  { kind: "year"; year: number } | { kind: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 } | { kind: "custom"; from: string; to: string };

/** A period as calendar days (to inclusive) and as instants [startMs, endMs) in the city's time zone. */
export type Period = { from: string; to: string; startMs: number; endMs: number };

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(text: string): boolean {
  const match = calendarDate.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The city's UTC offset (ms) at an instant, from the platform's time-zone data. */
let cityClock: Intl.DateTimeFormat | null = null;

function cityOffsetMs(instant: number): number {
  // Made once: building a formatter costs far more than using it.
  cityClock ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: CITY_TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const parts = cityClock.formatToParts(instant);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")) - Math.floor(instant / 1000) * 1000;
}

/** 00:00 of a calendar day in the city, as epoch ms. */
export function cityMidnight(day: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const guess = utcMidnight - cityOffsetMs(utcMidnight);
  return utcMidnight - cityOffsetMs(guess);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the city. */
export function cityDay(instant: number): string {
  return new Date(instant + cityOffsetMs(instant)).toISOString().slice(0, 10);
}

export function periodOfDays(from: string, to: string): Period {
  return { from, to, startMs: cityMidnight(from), endMs: cityMidnight(dayAfter(to)) };
}

export function periodOf(choice: PeriodChoice): Period {
  switch (choice.kind) {
    case "year":
      return periodOfDays(`${choice.year}-01-01`, `${choice.year}-12-31`);
    case "quarter": {
      const firstMonth = (choice.quarter - 1) * 3 + 1;
      const lastDay = new Date(Date.UTC(choice.year, firstMonth + 2, 0)).toISOString().slice(0, 10);
      return periodOfDays(`${choice.year}-${String(firstMonth).padStart(2, "0")}-01`, lastDay);
    }
    case "custom":
      return periodOfDays(choice.from, choice.to);
  }
}

/** The months a period touches, each clipped to the period: the monthly chart's buckets. */
export function monthsOf(period: Period): { month: string; startMs: number; endMs: number }[] {
  const months: { month: string; startMs: number; endMs: number }[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    months.push({ month: key, startMs: Math.max(period.startMs, cityMidnight(`${key}-01`)), endMs: Math.min(period.endMs, cityMidnight(next)) });
    if (key >= last || months.length >= 600) break;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/**
 * Reads the period of a query string (dashboard, report, API): `from`/`to` days, else `year` with an
 * optional `quarter`, else the current year. Null when what was given is not a period (the caller
 * answers 400); the days must be real and `from` not after `to`, at most 50 years apart.
 */
export function periodFromQuery(
  query: { from?: string | null; to?: string | null; year?: string | null; quarter?: string | null },
  now: number,
): Period | null {
  if (query.from || query.to) {
    if (!query.from || !query.to || !isCalendarDay(query.from) || !isCalendarDay(query.to) || query.from > query.to) return null;
    if (Number(query.to.slice(0, 4)) - Number(query.from.slice(0, 4)) > 50) return null;
    return periodOfDays(query.from, query.to);
  }
  const year = query.year ? Number(query.year) : Number(cityDay(now).slice(0, 4));
  if (!Number.isInteger(year) || year < 1990 || year > 2200) return null;
  if (query.quarter) {
    const quarter = Number(query.quarter);
    if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) return null;
    return periodOf({ kind: "quarter", year, quarter });
  }
  return periodOf({ kind: "year", year });
}

/** The period a page's query asks for, or this year (and `invalid`) when the query is not a period. */
export function periodFromUrl(url: URL, now: number): { period: Period; invalid: boolean } {
  const parameter = (name: string) => url.searchParams.get(name);
  const period = periodFromQuery({ from: parameter("from"), to: parameter("to"), year: parameter("year"), quarter: parameter("quarter") }, now);
  return { period: period ?? periodFromQuery({}, now)!, invalid: period === null };
}
