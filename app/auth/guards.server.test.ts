import { expect, test } from "vitest";
import { safeRedirectPath } from "./guards.server";

test("only paths on this site are followed after signing in", () => {
  expect(safeRedirectPath("/devices?status=listed")).toBe("/devices?status=listed");
  expect(safeRedirectPath("/profile#tokens")).toBe("/profile#tokens");
  for (const escape of ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example", "evil", "", null, undefined]) {
    expect(safeRedirectPath(escape), String(escape)).toBe("/");
  }
});
