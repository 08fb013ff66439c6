import http from "node:http";
import express from "express";
import { afterAll, beforeAll, expect, test } from "vitest";
import { dropLegacyDataParameter } from "./legacy-data-requests.server";

let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(dropLegacyDataParameter());
  app.use((request, response) => {
    response.json({ originalUrl: request.originalUrl, url: request.url });
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The test server has no port.");
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function seen(path: string): Promise<{ originalUrl: string; url: string }> {
  return (await fetch(`${base}${path}`, { method: "POST" })).json();
}

test("?_data is dropped from the address Remix sees, wherever it stands", async () => {
  expect(await seen("/login?_data=routes%2Flogin")).toEqual({ originalUrl: "/login", url: "/login" });
  expect(await seen("/requests?index&_data=routes%2Frequests._index&q=a")).toEqual({ originalUrl: "/requests?index=&q=a", url: "/requests?index=&q=a" });
  expect(await seen("/devices?_data=&_data=x&page=2")).toEqual({ originalUrl: "/devices?page=2", url: "/devices?page=2" });
});

test("any other address passes as it came, odd escapes included", async () => {
  expect(await seen("/devices?q=%ZZ&page=1e300")).toEqual({ originalUrl: "/devices?q=%ZZ&page=1e300", url: "/devices?q=%ZZ&page=1e300" });
  expect(await seen("/devices/%ED%A0%80")).toEqual({ originalUrl: "/devices/%ED%A0%80", url: "/devices/%ED%A0%80" });
});
