import http from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@remix-run/node";
import express from "express";
import { afterEach, describe, expect, test } from "vitest";
import { PayloadTooLargeError, readTextBody } from "./request-body.server";
import { discardUnreadBody } from "./unread-body.server";

const limit = 1024;
let server: http.Server | undefined;
let serverSideDestroyed = 0;

/** An app that reads bodies as the Remix adapter hands them over, answering 413 past `limit`. */
async function startApp(cap: number): Promise<number> {
  const app = express();
  app.use(discardUnreadBody(cap));
  app.post("/", async (request, response) => {
    request.once("close", () => {
      if (!request.complete) serverSideDestroyed += 1;
    });
    const webRequest = new Request("http://localhost/", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: createReadableStreamFromReadable(request),
      duplex: "half",
    });
    try {
      const text = await readTextBody(webRequest, limit);
      response.status(200).send(`read ${text.length}`);
    } catch (error) {
      if (!(error instanceof PayloadTooLargeError)) throw error;
      response.status(413).send("too large");
    }
  });
  server = app.listen(0);
  await new Promise((resolve) => server?.once("listening", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return (address satisfies AddressInfo).port;
}

afterEach(async () => {
  serverSideDestroyed = 0;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** POSTs `totalBytes` in chunks (no Content-Length) and resolves with the status and the socket used. */
function postChunked(port: number, agent: http.Agent, totalBytes: number): Promise<{ status: number | undefined; body: string; socket: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ port, method: "POST", path: "/", agent, headers: { "Transfer-Encoding": "chunked" } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode, body, socket: request.socket }));
    });
    request.on("error", reject);
    // Written without waiting for "drain": Node's client stops relaying it once the answer has come.
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    for (let sent = 0; sent < totalBytes; sent += chunk.byteLength) request.write(chunk.subarray(0, Math.min(chunk.byteLength, totalBytes - sent)));
    request.end();
  });
}

describe("discarding the unread body after an early answer", () => {
  test("the client gets the 413 and the connection stays usable for the next request", async () => {
    const port = await startApp(64 * 1024 * 1024);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await postChunked(port, agent, 4 * 1024 * 1024);
    expect(first.status).toBe(413);
    expect(first.body).toBe("too large");
    const second = await postChunked(port, agent, 10);
    expect(second.status).toBe(200);
    expect(second.body).toBe("read 10");
    expect(second.socket).toBe(first.socket);
    agent.destroy();
  });

  test("past the cap the server closes the connection instead of reading on", async () => {
    const port = await startApp(64 * 1024);
    const agent = new http.Agent({ keepAlive: false });
    // The client may see the 413 or a reset, depending on timing; the server must stop reading.
    await postChunked(port, agent, 8 * 1024 * 1024).catch(() => null);
    await expect.poll(() => serverSideDestroyed).toBe(1);
    agent.destroy();
  });
});
