// Translations outside React (page titles, API messages): a key looked up in the resources.
import { translationResources, type Language } from "./config";

/** The text for `key` in `language`, or undefined when there is none. */
export function lookupTranslation(language: Language, key: string): string | undefined {
  let node: unknown = translationResources[language].common;
  for (const segment of key.split(".")) {
    if (typeof node !== "object" || node === null || !(segment in node)) return undefined;
    node = Reflect.get(node, segment);
  }
  return typeof node === "string" ? node : undefined;
}

/** The text for `key` in `language` with its {{placeholders}} filled in ("" when there is none). */
export function translate(language: Language, key: string, values: Record<string, string> = {}): string {
  return (lookupTranslation(language, key) ?? "").replace(/\{\{(\w+)\}\}/g, (_match, name: string) => values[name] ?? "");
}
