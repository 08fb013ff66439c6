import type { AddressInfo } from "node:net";
import { createRequestHandler, data, type ActionFunction, type LoaderFunction, type ServerBuild } from "@remix-run/node";
import express from "express";
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from "vitest";
import { expressInternalErrors, withApiInternalErrors, withInternalErrorsAnswered } from "./internal-errors.server";

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

type DataFunctions = { loader?: LoaderFunction; action?: ActionFunction };
const wrapped = (module: DataFunctions) => withInternalErrorsAnswered<DataFunctions>(module);

const args = (url = "http://localhost/api/v1/devices") => ({ request: new Request(url), params: {}, context: { cspNonce: "" } });

/** The id in the body must be the one logged with the error. */
async function expectLoggedInternalError(response: unknown, error: Error) {
  expect(response).toBeInstanceOf(Response);
  if (!(response instanceof Response)) return;
  expect(response.status).toBe(500);
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  const body: { error: { code: string; message: string; id: string } } = await response.json();
  expect(body.error.code).toBe("internal");
  expect(body.error.message).not.toContain(error.message);
  expect(body.error.id).toMatch(/^[0-9a-f]{12}$/);
  expect(consoleError).toHaveBeenCalledWith(expect.stringContaining(`[error ${body.error.id}]`), error);
}

describe("an API route's uncaught error", () => {
  test("a throwing loader answers JSON 500 with an id that was logged with the error", async () => {
    const failure = new Error("database is locked");
    const module = wrapped({
      loader: () => {
        throw failure;
      },
    });
    await expectLoggedInternalError(await module.loader?.(args()), failure);
  });

  test("a rejecting action too", async () => {
    const failure = new TypeError("cannot read properties of undefined");
    const module = wrapped({ action: async () => Promise.reject(failure) });
    await expectLoggedInternalError(await module.action?.(args()), failure);
  });

  test("thrown answers stay answers: a Response, a data() with its status", async () => {
    const notFound = Response.json({ error: { code: "not_found" } }, { status: 404 });
    const forbidden = data({ reason: "forbidden" }, { status: 403 });
    const throwing = (thrown: unknown) =>
      wrapped({
        loader: () => {
          throw thrown;
        },
      });
    await expect(throwing(notFound).loader?.(args())).rejects.toBe(notFound);
    await expect(throwing(forbidden).loader?.(args())).rejects.toBe(forbidden);
    expect(consoleError).not.toHaveBeenCalled();
  });

  test("a route that answers keeps its answer", async () => {
    const module = wrapped({ loader: () => Response.json({ ok: true }) });
    const response = await module.loader?.(args());
    expect(response instanceof Response ? await response.json() : null).toEqual({ ok: true });
  });
});

describe("through Remix and Express", () => {
  // No default export: resource routes, as the API's are.
  const throwingModule = {
    default: undefined,
    loader: () => {
      throw new Error("boom");
    },
  };
  const build: ServerBuild = {
    mode: "production",
    entry: { module: { default: () => new Response("document") } },
    routes: {
      root: { id: "root", path: "", module: { default: undefined } },
      "routes/api.v1.boom": { id: "routes/api.v1.boom", parentId: "root", path: "api/v1/boom", module: throwingModule },
      "routes/boom": { id: "routes/boom", parentId: "root", path: "boom", module: throwingModule },
    },
    assets: { entry: { module: "/entry.js", imports: [] }, routes: {}, url: "/manifest.js", version: "1" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true },
    isSpaMode: false,
  };

  test("only /api/v1 routes are wrapped", async () => {
    const handle = createRequestHandler(withApiInternalErrors(build));
    const api = await handle(new Request("http://localhost/api/v1/boom"));
    expect(api.status).toBe(500);
    expect(await api.json()).toMatchObject({ error: { code: "internal" } });
    // Elsewhere Remix keeps answering (its own 500; pages show their error boundary).
    const other = await handle(new Request("http://localhost/boom"));
    expect(other.headers.get("Content-Type")).not.toMatch(/json/);
  });

  test("Express's last handler answers the API in JSON, and pages in short text, with the logged id", async () => {
    const app = express();
    app.get("/api/v1/fails", () => {
      throw new Error("outside Remix");
    });
    app.get("/fails", () => {
      throw new Error("outside Remix");
    });
    app.use(expressInternalErrors);
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const address = server.address();
      if (address === null || typeof address === "string") throw new Error("no port");
      const { port } = address satisfies AddressInfo;
      const api = await fetch(`http://localhost:${port}/api/v1/fails`);
      expect(api.status).toBe(500);
      const body: { error: { code: string; id: string } } = await api.json();
      expect(body.error.code).toBe("internal");
      expect(consoleError).toHaveBeenCalledWith(expect.stringContaining(`[error ${body.error.id}] GET /api/v1/fails`), expect.any(Error));
      const page = await fetch(`http://localhost:${port}/fails`);
      expect(page.status).toBe(500);
      expect(await page.text()).toMatch(/^Internal server error \(id [0-9a-f]{12}\)\.$/);
    } finally {
      server.close();
    }
  });
});
