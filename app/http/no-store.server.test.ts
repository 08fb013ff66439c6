import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, expect, test } from "vitest";
import { sessionCookieName } from "~/auth/session.server";
import { hasCookie, noStoreWhenSignedIn } from "./no-store.server";

let server: ReturnType<express.Express["listen"]>;
let base = "";

beforeAll(async () => {
  // The order of app/http/server.ts: static files first, then the signed-in check, then the pages.
  const folder = mkdtempSync(path.join(tmpdir(), "circuit-static-"));
  writeFileSync(path.join(folder, "logo.svg"), "<svg/>");
  const app = express();
  app.use(express.static(folder, { maxAge: "1h" }));
  app.use(noStoreWhenSignedIn(sessionCookieName));
  app.get("/devices", (_request, response) => {
    response.send("page");
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the test server has no port");
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

test("the session cookie is told apart from others and from an empty one", () => {
  expect(hasCookie(`lang=nl; ${sessionCookieName}=abc`, sessionCookieName)).toBe(true);
  expect(hasCookie(`${sessionCookieName}=`, sessionCookieName)).toBe(false);
  expect(hasCookie(`x${sessionCookieName}=abc`, sessionCookieName)).toBe(false);
  expect(hasCookie(undefined, sessionCookieName)).toBe(false);
});

test("a signed-in page is not stored; an anonymous page and static files keep their caching", async () => {
  const signedIn = { cookie: `lang=nl; ${sessionCookieName}=some-session` };
  expect((await fetch(`${base}/devices`, { headers: signedIn })).headers.get("cache-control")).toBe("no-store");
  expect((await fetch(`${base}/devices`)).headers.get("cache-control")).toBeNull();
  expect((await fetch(`${base}/logo.svg`, { headers: signedIn })).headers.get("cache-control")).toBe("public, max-age=3600");
});
