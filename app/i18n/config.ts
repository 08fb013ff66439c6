// The languages Circuit speaks: Dutch by default (the first city is Flemish), and English.
import en from "./locales/en.json";
import nl from "./locales/nl.json";

export const supportedLanguages = ["nl", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = "nl";

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const translationResources = { nl: { common: nl }, en: { common: en } } as const;

export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: "common",
  ns: ["common"],
  resources: translationResources,
  interpolation: { escapeValue: false },
};
