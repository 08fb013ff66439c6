import { describe, expect, test } from "vitest";
import { scanTarget } from "./scan";

describe("scanTarget", () => {
  test("a label's absolute URL names the public id", () => {
    expect(scanTarget("https://circuit.example/verify/Ab3_x-9")).toEqual({ kind: "public-id", publicId: "Ab3_x-9" });
    expect(scanTarget("http://localhost:3000/verify/abc/?utm=x#top")).toEqual({ kind: "public-id", publicId: "abc" });
  });

  test("a relative /verify path, with or without its first slash", () => {
    expect(scanTarget("/verify/xyz")).toEqual({ kind: "public-id", publicId: "xyz" });
    expect(scanTarget("verify/xyz")).toEqual({ kind: "public-id", publicId: "xyz" });
  });

  test("anything else is a code, trimmed, control characters as spaces", () => {
    expect(scanTarget("  CITY-00012\r\n")).toEqual({ kind: "code", code: "CITY-00012" });
    expect(scanTarget("https://elsewhere.example/devices/3")).toEqual({ kind: "code", code: "https://elsewhere.example/devices/3" });
    expect(scanTarget("/verify/")).toEqual({ kind: "code", code: "/verify/" });
    expect(scanTarget("/verify/%E0%A4%A")).toEqual({ kind: "code", code: "/verify/%E0%A4%A" });
  });

  test("an empty scan is no target", () => {
    expect(scanTarget("")).toBeNull();
    expect(scanTarget(" \t ")).toBeNull();
  });
});
