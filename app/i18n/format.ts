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
