import { expect, test } from "vitest";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

function flattenKeys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? flattenKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function placeholders(text: unknown): string[] {
  return typeof text === "string" ? [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? "").sort() : [];
}

function valueAt(tree: object, key: string): unknown {
  return key.split(".").reduce<unknown>((node, segment) => (typeof node === "object" && node !== null ? Reflect.get(node, segment) : undefined), tree);
}

test("Dutch and English have exactly the same translation keys", () => {
  const dutchKeys = flattenKeys(nl).sort();
  const englishKeys = flattenKeys(en).sort();
  expect(dutchKeys.filter((key) => !englishKeys.includes(key))).toEqual([]);
  expect(englishKeys.filter((key) => !dutchKeys.includes(key))).toEqual([]);
});

test("every translation is filled in and uses the same placeholders in both languages", () => {
  for (const key of flattenKeys(nl)) {
    expect(String(valueAt(nl, key)).trim(), `nl ${key}`).not.toBe("");
    expect(String(valueAt(en, key)).trim(), `en ${key}`).not.toBe("");
    expect(placeholders(valueAt(en, key)), key).toEqual(placeholders(valueAt(nl, key)));
  }
});
