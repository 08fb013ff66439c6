import http from "node:http";
import express from "express";
import { afterAll, beforeAll, expect, test } from "vitest";
import { allowedMethods, answerUnhandledMethods } from "./request-methods.server";

let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(answerUnhandledMethods());
  app.use((request, response) => {
    response.json({ reached: request.method });
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The test server has no port.");
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("OPTIONS is answered with the methods that exist and never reaches the app", async () => {
  const response = await fetch(`${base}/signup.data`, {
    method: "OPTIONS",
    body: "intent=x",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(response.status).toBe(204);
  expect(response.headers.get("allow")).toBe(allowedMethods);
});

test("a method no page or API operation handles is a 405", async () => {
  const response = await new Promise<http.IncomingMessage>((resolve) => http.request(`${base}/devices`, { method: "PROPFIND" }, resolve).end());
  expect(response.statusCode).toBe(405);
  expect(response.headers.allow).toBe(allowedMethods);
});

test.each(["GET", "POST", "PUT", "PATCH", "DELETE"])("%s passes through", async (method) => {
  const response = await fetch(`${base}/devices`, { method });
  expect(await response.json()).toEqual({ reached: method });
});
