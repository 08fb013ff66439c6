import { existsSync, mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, test } from "vitest";
import { checkpointAndClose, gracefulShutdown } from "./graceful-shutdown.server";

type Reply = { status: number; connection: string | undefined; body: string };

const servers: http.Server[] = [];
const agents: http.Agent[] = [];

afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
  for (const agent of agents.splice(0)) agent.destroy();
});

/**
 * A real HTTP server: /slow answers after `slowMs`, /stuck never answers, /streaming sends its headers
 * (promising keep-alive) at once and ends its body 300 ms later, anything else answers at once.
 * Keep-alive lasts a minute.
 */
async function startServer(slowMs = 400) {
  const server = http.createServer((request, response) => {
    if (request.url === "/stuck") return;
    if (request.url === "/streaming") {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.write("part one, ");
      setTimeout(() => response.end("part two"), 300);
      return;
    }
    const answer = () => response.writeHead(200, { "Content-Type": "text/plain" }).end(`done ${request.url}`);
    if (request.url === "/slow") setTimeout(answer, slowMs);
    else answer();
  });
  server.keepAliveTimeout = 60_000;
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function keepAliveAgent(): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  agents.push(agent);
  return agent;
}

function get(port: number, pathname: string, agent?: http.Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: pathname, agent }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }));
    });
    request.on("error", reject);
  });
}

/** Resolves once the server has taken the request in (it is in flight). */
function requestArrived(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.once("request", () => resolve()));
}

function tempDatabase() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "circuit-shutdown-")), "shutdown.db");
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  database.exec("CREATE TABLE writes (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)");
  database.prepare("INSERT INTO writes (at) VALUES (?)").run(Date.now());
  return { file, database };
}

describe("graceful shutdown", () => {
  test("a request in flight finishes with 200 and Connection: close, new connections are refused, and the database closes after", async () => {
    const { server, port } = await startServer();
    const { file, database } = tempDatabase();
    const order: string[] = [];
    const shutdown = gracefulShutdown(server, {
      afterDrain: () => {
        order.push("afterDrain");
        checkpointAndClose(database);
      },
    });

    server.on("request", (_request, response) => response.once("finish", () => order.push("slow answered")));
    const arrived = requestArrived(server);
    const slow = get(port, "/slow", keepAliveAgent());
    await arrived;
    const stopped = shutdown.shutDown("SIGTERM");
    expect(shutdown.draining).toBe(true);

    await expect(get(port, "/fast")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(database.open).toBe(true);
    expect(await slow).toEqual({ status: 200, connection: "close", body: "done /slow" });
    expect(await stopped).toEqual({ inFlightAtStart: 1, cutAtDeadline: false });
    expect(order).toEqual(["slow answered", "afterDrain"]);
    expect(database.open).toBe(false);
    // Checkpointed: the file alone holds every write, no -wal is left beside it.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare("SELECT count(*) AS count FROM writes").get()).toEqual({ count: 1 });
    reopened.close();
  });

  test("idle keep-alive connections do not hold the shutdown up until their keep-alive timeout", async () => {
    const { server, port } = await startServer();
    const shutdown = gracefulShutdown(server, { afterDrain: () => {} });
    const agent = keepAliveAgent();
    // Two answered requests leave their sockets open and idle in the agent.
    await Promise.all([get(port, "/a", agent), get(port, "/b", agent)]);
    expect(Object.values(agent.freeSockets).flat().length).toBeGreaterThan(0);

    const started = performance.now();
    const outcome = await shutdown.shutDown("SIGTERM");
    expect(outcome).toEqual({ inFlightAtStart: 0, cutAtDeadline: false });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test("a response that had already promised keep-alive does not hold the shutdown up either", async () => {
    const { server, port } = await startServer();
    const shutdown = gracefulShutdown(server, { afterDrain: () => {} });
    // Headers (with keep-alive) go out before the shutdown, the body after it.
    const arrived = requestArrived(server);
    const streaming = get(port, "/streaming", keepAliveAgent());
    await arrived;

    const started = performance.now();
    const outcome = await shutdown.shutDown("SIGTERM");
    expect((await streaming).body).toContain("part two");
    expect(outcome.cutAtDeadline).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test("a request that never finishes is cut at the deadline, and the database still closes", async () => {
    const { server, port } = await startServer();
    const { database } = tempDatabase();
    const shutdown = gracefulShutdown(server, { deadlineMs: 300, afterDrain: () => checkpointAndClose(database) });
    const arrived = requestArrived(server);
    const stuck = get(port, "/stuck");
    await arrived;

    const started = performance.now();
    const outcome = await shutdown.shutDown("SIGTERM");
    expect(outcome).toEqual({ inFlightAtStart: 1, cutAtDeadline: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(performance.now() - started).toBeLessThan(3000);
    await expect(stuck).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(database.open).toBe(false);
  });

  test("a second signal cuts the connections at once instead of waiting for the deadline", async () => {
    const { server, port } = await startServer();
    const shutdown = gracefulShutdown(server, { deadlineMs: 60_000, repeatGraceMs: 0, afterDrain: () => {} });
    const arrived = requestArrived(server);
    const stuck = get(port, "/stuck");
    await arrived;

    const first = shutdown.shutDown("SIGTERM");
    const started = performance.now();
    const second = shutdown.shutDown("SIGINT");
    expect(second).toBe(first);
    await expect(stuck).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(await first).toEqual({ inFlightAtStart: 1, cutAtDeadline: false });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test("the same signal delivered twice at once does not cut the request in flight", async () => {
    const { server, port } = await startServer();
    const shutdown = gracefulShutdown(server, { afterDrain: () => {} });
    const arrived = requestArrived(server);
    const slow = get(port, "/slow");
    await arrived;

    const first = shutdown.shutDown("SIGTERM");
    expect(shutdown.shutDown("SIGTERM")).toBe(first);
    expect(await slow).toMatchObject({ status: 200, body: "done /slow" });
    expect(await first).toEqual({ inFlightAtStart: 1, cutAtDeadline: false });
  });
});
