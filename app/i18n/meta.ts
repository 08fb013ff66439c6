// Page titles in the reader's language. Remix's meta functions run outside React, so they read the
// translations directly, with the language the root loader detected.
import type { MetaDescriptor } from "@remix-run/node";
import { defaultLanguage, isSupportedLanguage } from "./config";
import { lookupTranslation } from "./lookup";

type MatchWithData = { id: string; data: unknown };

export function pageTitle(matches: MatchWithData[], key: string, values: Record<string, string> = {}): MetaDescriptor[] {
  const rootData = matches.find((match) => match.id === "root")?.data;
  const language = typeof rootData === "object" && rootData !== null && "language" in rootData ? rootData.language : undefined;
  const title = lookupTranslation(isSupportedLanguage(language) ? language : defaultLanguage, key)?.replace(
    /\{\{(\w+)\}\}/g,
    (_match, name: string) => values[name] ?? "",
  );
  return [{ title: title ? `${title} · Circuit` : "Circuit" }];
}
