import { describe, expect, test } from "vitest";
import { isCrossSiteMutation } from "./cross-site";

const host = "localhost:3000";

describe("cross-site mutation check", () => {
  test("a POST from our own origin passes", () => {
    expect(isCrossSiteMutation({ method: "POST", host, origin: "http://localhost:3000", secFetchSite: "same-origin" })).toBe(false);
  });
  test("a POST naming another site is refused", () => {
    expect(isCrossSiteMutation({ method: "POST", host, origin: "https://evil.example", secFetchSite: undefined })).toBe(true);
    expect(isCrossSiteMutation({ method: "POST", host, origin: "http://localhost:3001", secFetchSite: undefined })).toBe(true);
  });
  test("the browser's own cross-site mark is refused, even without Origin", () => {
    expect(isCrossSiteMutation({ method: "POST", host, origin: undefined, secFetchSite: "cross-site" })).toBe(true);
  });
  test("an opaque or malformed origin is refused", () => {
    expect(isCrossSiteMutation({ method: "DELETE", host, origin: "null", secFetchSite: undefined })).toBe(true);
    expect(isCrossSiteMutation({ method: "PUT", host, origin: "not a url", secFetchSite: undefined })).toBe(true);
  });
  test("requests without Origin (API clients) and safe methods pass", () => {
    expect(isCrossSiteMutation({ method: "POST", host, origin: undefined, secFetchSite: undefined })).toBe(false);
    expect(isCrossSiteMutation({ method: "GET", host, origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(false);
  });
  test("behind a proxy, the forwarded or public host counts as our own", () => {
    expect(
      isCrossSiteMutation({ method: "POST", host: ["127.0.0.1:3000", "circuit.stad.be"], origin: "https://circuit.stad.be", secFetchSite: "same-origin" }),
    ).toBe(false);
    expect(isCrossSiteMutation({ method: "POST", host: ["127.0.0.1:3000", undefined], origin: "https://circuit.stad.be", secFetchSite: undefined })).toBe(true);
  });
});
