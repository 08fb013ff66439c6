// Page titles in the reader's language. Remix's meta functions run outside React, so they read the
// translations directly, with the language the root loader detected.
import type { MetaDescriptor } from "@remix-run/node";
import { defaultLanguage, isSupportedLanguage, translationResources } from "./config";

type MatchWithData = { id: string; data: unknown };

function lookup(tree: unknown, path: string[]): string | undefined {
  let node: unknown = tree;
  for (const segment of path) {
    if (typeof node !== "object" || node === null || !(segment in node)) return undefined;
    node = Reflect.get(node, segment);
  }
  return typeof node === "string" ? node : undefined;
}

export function pageTitle(matches: MatchWithData[], key: string): MetaDescriptor[] {
  const rootData = matches.find((match) => match.id === "root")?.data;
  const language = typeof rootData === "object" && rootData !== null && "language" in rootData ? rootData.language : undefined;
  const resources = translationResources[isSupportedLanguage(language) ? language : defaultLanguage].common;
  const title = lookup(resources, key.split("."));
  return [{ title: title ? `${title} · Circuit` : "Circuit" }];
}
