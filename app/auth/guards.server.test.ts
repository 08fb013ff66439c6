import { expect, test } from "vitest";
import { safeRedirectPath } from "./guards.server";

test("paths on this site are followed after signing in, as they were asked for", () => {
  for (const path of ["/devices?status=listed", "/requests#x", "/profile#tokens", "/devices/12/edit", "/requests?q=a%20b", "/"]) {
    expect(safeRedirectPath(path), path).toBe(path);
  }
  expect(safeRedirectPath("/x/../devices")).toBe("/devices");
});

const hostile = [
  "//evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/x/..//evil.example",
  "/x/../..//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%252F%252Fevil.example",
  "/%5c%5cevil.example",
  "/%5C/evil.example",
  "///evil.example",
  "////evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d%0a/evil.example",
  "/%00/evil.example",
  "/%",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "evil.example",
  "",
  null,
  undefined,
];

test.each(hostile.map((path) => [JSON.stringify(path), path]))("%s never leaves the site", (_name, path) => {
  const target = safeRedirectPath(path);
  expect(target).toBe("/");
  // However a browser would read it, the result stays on this origin.
  expect(new URL(target, "https://circuit.example").origin).toBe("https://circuit.example");
});
