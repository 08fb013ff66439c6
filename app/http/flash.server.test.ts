import { createCookie } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { appSettings } from "~db/schema";
import { db } from "~/db.server";
import { settingOrInitial } from "~/models/app-setting.server";
import { cookieSecrets } from "./cookie-secret.server";
import { readFlash, redirectWithFlash } from "./flash.server";

/** The `name=value` pair a response sets, as the browser would send it back. */
async function flashCookieOf(message: { key: string; values?: Record<string, string> }): Promise<string> {
  const response = await redirectWithFlash("/devices", message);
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  return setCookie.split(";")[0] ?? "";
}

function requestWith(cookie: string) {
  return new Request("http://localhost/devices", { headers: { Cookie: cookie } });
}

describe("the flash cookie", () => {
  test("a message survives the redirect and is cleared once read", async () => {
    const cookie = await flashCookieOf({ key: "flash.deviceCollected", values: { assetTag: "IT-0001" } });
    const { flash, clearHeader } = await readFlash(requestWith(cookie));
    expect(flash).toEqual({ key: "flash.deviceCollected", values: { assetTag: "IT-0001" } });
    expect(clearHeader).toMatch(/^circuit_flash=; Max-Age=0/);
  });

  test("it is signed: the value carries a signature after the data", async () => {
    const cookie = await flashCookieOf({ key: "flash.deviceCollected" });
    const value = decodeURIComponent(cookie.slice("circuit_flash=".length));
    expect(value).toMatch(/^[^.]+\.[A-Za-z0-9+/]+$/);
  });

  test("a tampered cookie is ignored and cleared", async () => {
    const cookie = await flashCookieOf({ key: "flash.deviceCollected", values: { assetTag: "IT-0001" } });
    const value = decodeURIComponent(cookie.slice("circuit_flash=".length));
    const [data = "", signature = ""] = value.split(".");
    // Another message with the old signature, as someone editing the cookie would send it.
    const forged = btoa(JSON.stringify({ key: "flash.organizationApproved", values: { name: "Evil" } }));
    for (const tampered of [`${forged}.${signature}`, `${data}.${signature.slice(1)}x`, data]) {
      const { flash, clearHeader } = await readFlash(requestWith(`circuit_flash=${encodeURIComponent(tampered)}`));
      expect(flash).toBeNull();
      expect(clearHeader).toMatch(/^circuit_flash=; Max-Age=0/);
    }
  });

  test("a cookie signed with another secret is ignored", async () => {
    const foreign = createCookie("circuit_flash", { secrets: ["another-secret-of-at-least-32-characters"] });
    const setCookie = await foreign.serialize({ key: "flash.deviceCollected" });
    const { flash } = await readFlash(requestWith(setCookie.split(";")[0] ?? ""));
    expect(flash).toBeNull();
  });

  test("no cookie, nothing to read or clear", async () => {
    expect(await readFlash(new Request("http://localhost/"))).toEqual({ flash: null, clearHeader: null });
  });
});

describe("the cookie secret", () => {
  test("without SESSION_SECRET one is generated once, stored, and reused", () => {
    const first = cookieSecrets(undefined);
    expect(first).toHaveLength(1);
    expect(first[0]?.length).toBeGreaterThanOrEqual(40);
    const stored = db.select().from(appSettings).all();
    expect(stored.map((row) => ({ key: row.key, value: row.value }))).toEqual([{ key: "cookie_secret", value: first[0] }]);
    expect(cookieSecrets(undefined)).toEqual(first);
    // After a restart (no cached value) the stored one comes back, not a new one.
    expect(settingOrInitial("cookie_secret", () => "a-new-secret")).toBe(first[0]);
  });

  test("SESSION_SECRET, when set, is the secret", () => {
    expect(cookieSecrets("a-configured-secret-of-at-least-32-chars")).toEqual(["a-configured-secret-of-at-least-32-chars"]);
  });
});
