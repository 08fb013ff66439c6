// The production server as a child process of a test, on a port and database of the test's own (ports
// 3260-3299, databases under data/crash-*), for tests that stop or kill it: graceful shutdown and
// crash safety. It serves the build that playwright.config.ts's web server has just made.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

export type ChildServer = {
  process: ChildProcess;
  port: number;
  url: string;
  /** Resolves with the exit code (null when ended by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the server printed, for a failure's message. */
  output(): string;
};

/** Servers still running, killed when the test ends however it ends (see killChildServers). */
const running = new Set<ChildProcess>();

/** Kills every child server still running: for afterEach, so that a failed or timed-out test leaves no server on its port. */
export async function killChildServers(): Promise<void> {
  const exits = [...running].map((child) => new Promise((resolve) => child.once("exit", resolve)));
  for (const child of running) child.kill("SIGKILL");
  await Promise.all(exits);
}

// The last resort, should the worker end before afterEach ran.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** A fresh database folder of the test's own: data/crash-<name>/circuit.db. */
export function freshDatabasePath(name: string): string {
  const folder = path.join("data", `crash-${name}`);
  rmSync(folder, { recursive: true, force: true });
  return path.join(folder, "circuit.db");
}

/**
 * Starts `app/cli/start.ts` as `npm run serve` does (NODE_ENV=production, through tsx), and resolves
 * once it listens. Node runs it directly with tsx's loader rather than through the tsx command,
 * which would run the server in a grandchild: a signal to the test's child must reach the server
 * itself (SIGKILL is not passed on).
 */
export async function startChildServer(options: { port: number; databasePath: string; env?: Record<string, string> }): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "app/cli/start.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      DATABASE_PATH: options.databasePath,
      DEMO_DATA: "true",
      SMTP_URL: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const lines: string[] = [];
  let listening: (() => void) | null = null;
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (line.trim() === "") continue;
      lines.push(line);
      if (lines.length > 60) lines.shift();
      if (line.includes("Circuit is serving on")) listening?.();
    }
  };
  child.stdout.on("data", remember);
  child.stderr.on("data", remember);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const output = () => lines.join("\n");
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server on port ${options.port} did not start within 60 s:\n${output()}`)), 60_000);
    listening = () => {
      clearTimeout(timer);
      resolve();
    };
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The server on port ${options.port} ended (${code ?? signal}) before it listened:\n${output()}`));
    });
  });
  return { process: child, port: options.port, url: `http://localhost:${options.port}`, exited, output };
}
