// Dates and numbers as people of each language write them.
import type { Language } from "./config";

const intlLocales: Record<Language, string> = { nl: "nl-BE", en: "en-GB" };

export function intlLocale(language: Language): string {
  return intlLocales[language];
}

export function formatDate(value: Date | number, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "long", timeZone: "Europe/Brussels" }).format(value);
}

export function formatDateTime(value: Date | number, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Brussels" }).format(value);
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(language), options).format(value);
}

const cityTimeZone = "Europe/Brussels";

/** Minutes that Brussels is ahead of UTC at a given moment (60 in winter, 120 in summer). */
function brusselsOffsetMinutes(epoch: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: cityTimeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(epoch);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return Math.round((asUtc - Math.floor(epoch / 1000) * 1000) / 60_000);
}

/**
 * A moment from what a person typed: an ISO 8601 time with its zone as is, or a date-time without
 * zone (an HTML datetime-local field) as Brussels time. Null when it is not a time.
 */
export function parseMoment(value: string): number | null {
  const trimmed = value.trim();
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) {
    const parsed = Date.parse(trimmed);
    return Number.isNaN(parsed) ? null : parsed;
  }
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
  if (!local) return null;
  const [year, month, day, hour, minute, second] = local.slice(1).map((digits) => Number(digits ?? 0));
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const guess = asUtc - brusselsOffsetMinutes(asUtc) * 60_000;
  return asUtc - brusselsOffsetMinutes(guess) * 60_000;
}

/** The value of an HTML datetime-local field for a moment, in Brussels time. */
export function toDateTimeLocal(epoch: number): string {
  const shifted = new Date(epoch + brusselsOffsetMinutes(epoch) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
