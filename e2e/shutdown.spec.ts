// Graceful shutdown of the real server (app/cli/start.ts, production build) in a child process: on
// SIGTERM a request in flight still gets its answer, nothing new gets in, and the process closes
// the database and exits 0.
import { existsSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { freshDatabasePath, killChildServers, startChildServer } from "./support/child-server";

const port = 3260;

/** Resolves once `predicate` holds, polling; fails after `timeoutMs`. */
async function eventually(what: string, predicate: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function connectionRefused(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "localhost");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

test.afterEach(killChildServers);

test("SIGTERM: the request in flight completes, idle connections close, new ones are refused, the database closes and the process exits 0", async () => {
  test.setTimeout(120_000);
  const databasePath = freshDatabasePath(`shutdown-${port}`);
  const server = await startChildServer({ port, databasePath });
  const agent = new http.Agent({ keepAlive: true });

  // A kept-alive connection, idle by the time the signal comes.
  const idleSocketClosed = await new Promise<Promise<void>>((resolve, reject) => {
    http
      .get({ host: "localhost", port, path: "/api/v1/openapi.json", agent }, (response) => {
        response.resume();
        const closed = new Promise<void>((done) => response.socket.once("close", () => done()));
        response.once("end", () => resolve(closed));
      })
      .once("error", reject);
  });

  // A request still arriving: its body comes in two parts, the second after the signal.
  const body = Buffer.from(JSON.stringify({ email: "coordinator@demo.city", password: "circuit-demo", label: "shutdown test" }));
  const slow = http.request({
    host: "localhost",
    port,
    path: "/api/v1/tokens",
    method: "POST",
    agent,
    headers: { "Content-Type": "application/json", "Content-Length": body.length },
  });
  const answered = new Promise<{ status: number; connection: string | undefined; body: string; at: number }>((resolve, reject) => {
    slow.once("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body: text, at: Date.now() }));
    });
    slow.once("error", reject);
  });
  slow.write(body.subarray(0, 20));
  slow.flushHeaders();
  await new Promise((resolve) => setTimeout(resolve, 300));

  server.process.kill("SIGTERM");
  await eventually("new connections to be refused", connectionRefused);
  await idleSocketClosed;
  expect(server.output()).toContain("SIGTERM: no new connections; waiting for 1 request(s) in flight");

  slow.end(body.subarray(20));
  const reply = await answered;
  expect(reply.status, reply.body).toBe(201);
  expect(reply.connection).toBe("close");
  expect(JSON.parse(reply.body)).toMatchObject({ token: expect.any(String) });

  const exit = await server.exited;
  const secondsAfterReply = (Date.now() - reply.at) / 1000;
  expect(exit, server.output()).toEqual({ code: 0, signal: null });
  // Not held up by the kept-alive connection of the answered request (Node's keep-alive timeout is 5 s).
  expect(secondsAfterReply).toBeLessThan(4);
  expect(server.output()).toContain("Database closed.");
  agent.destroy();

  // Closed cleanly: the log was folded into the file, and the token written by the last request is there.
  expect(existsSync(`${databasePath}-wal`)).toBe(false);
  const database = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    expect(database.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(database.prepare("SELECT count(*) FROM api_tokens WHERE label = 'shutdown test'").pluck().get()).toBe(1);
  } finally {
    database.close();
  }
  test.info().annotations.push({ type: "graceful shutdown", description: `exited 0 ${secondsAfterReply.toFixed(2)} s after answering the request in flight` });
});
