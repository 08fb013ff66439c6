// Stopping the HTTP server without cutting a request short: on SIGTERM the listening socket closes,
// requests in flight finish (and close their connection), idle keep-alive connections close, and a
// deadline cuts whatever is still open so that a stuck client cannot keep the process alive.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type Database from "better-sqlite3";

export const DEFAULT_SHUTDOWN_DEADLINE_MS = 10_000;

export type GracefulShutdownOptions = {
  /** Connections still open this long after the shutdown began are cut. */
  deadlineMs?: number;
  /** Runs once no connection is left (or the deadline cut them): stop background work, close the database. */
  afterDrain: () => Promise<void> | void;
  /**
   * A signal repeated within this many ms is the same signal delivered twice (the tsx wrapper passes
   * one on when the server seems slow to report it), not an operator asking to hurry.
   */
  repeatGraceMs?: number;
  log?: (message: string) => void;
};

export type ShutdownOutcome = {
  /** Responses that were still being worked on when the shutdown began. */
  inFlightAtStart: number;
  /** True when the deadline passed and open connections were cut. */
  cutAtDeadline: boolean;
};

export type GracefulShutdown = {
  /** Drains and runs `afterDrain`; called again later (a second signal), it cuts every connection at once. */
  shutDown(reason: string): Promise<ShutdownOutcome>;
  readonly draining: boolean;
};

/**
 * Prepares `server` for a graceful shutdown. Call it right after creating the server: it counts
 * the responses in flight, so that those still unanswered at shutdown can be told the connection
 * ends with them.
 */
export function gracefulShutdown(server: Server, options: GracefulShutdownOptions): GracefulShutdown {
  const deadlineMs = options.deadlineMs ?? DEFAULT_SHUTDOWN_DEADLINE_MS;
  const log = options.log ?? (() => {});
  const inFlight = new Set<ServerResponse>();
  const repeatGraceMs = options.repeatGraceMs ?? 1000;
  let shutdown: Promise<ShutdownOutcome> | null = null;
  let shutdownStartedAt = 0;

  // Prepended: runs before the app, so that a request arriving on a kept-alive socket while draining
  // is answered with `Connection: close` whatever the app does with it.
  server.prependListener("request", (_request: IncomingMessage, response: ServerResponse) => {
    inFlight.add(response);
    if (shutdown) response.setHeader("Connection", "close");
    response.once("close", () => {
      inFlight.delete(response);
      // A response whose headers had already promised keep-alive leaves an idle socket behind.
      if (shutdown) setImmediate(() => server.closeIdleConnections());
    });
  });

  async function drain(reason: string): Promise<ShutdownOutcome> {
    const inFlightAtStart = inFlight.size;
    log(`${reason}: no new connections; waiting for ${inFlightAtStart} request(s) in flight (at most ${deadlineMs / 1000} s).`);
    for (const response of inFlight) if (!response.headersSent) response.setHeader("Connection", "close");

    let cutAtDeadline = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const deadline = setTimeout(() => {
      cutAtDeadline = true;
      log(`Shutdown deadline passed: cutting ${inFlight.size} request(s) still open.`);
      server.closeAllConnections();
    }, deadlineMs);
    await closed;
    clearTimeout(deadline);
    await options.afterDrain();
    return { inFlightAtStart, cutAtDeadline };
  }

  return {
    shutDown(reason) {
      if (shutdown) {
        if (Date.now() - shutdownStartedAt < repeatGraceMs) return shutdown;
        log(`${reason} again: cutting every connection now.`);
        server.closeAllConnections();
        return shutdown;
      }
      shutdownStartedAt = Date.now();
      shutdown = drain(reason);
      return shutdown;
    },
    get draining() {
      return shutdown !== null;
    },
  };
}

/**
 * Folds the write-ahead log into the database file and closes it, so that the file alone is the
 * whole database (a copy or a restore needs no -wal beside it).
 */
export function checkpointAndClose(connection: Database.Database): void {
  if (!connection.open) return;
  connection.pragma("wal_checkpoint(TRUNCATE)");
  connection.close();
}
