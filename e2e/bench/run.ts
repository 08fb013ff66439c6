// `npm run bench`: speed of the device list and of the custody ledger verification on 100,000
// devices and 1,000,000 events. Builds the load database on first use (data/bench/, about a
// minute); `npm run bench -- --regenerate` builds it anew. Prints medians; asserts nothing timed.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const databasePath = process.env.BENCH_DATABASE_PATH ?? "./data/bench/circuit.db";
// Set before anything opens the database: ~/db.server connects to DATABASE_PATH when first imported.
process.env.DATABASE_PATH = databasePath;
// Quiet request logging while the page is timed.
process.env.NODE_ENV = "test";
if (!existsSync(databasePath) || process.argv.includes("--regenerate")) {
  console.log(`Building the load database at ${databasePath}…`);
  const { createLoadDatabase } = await import("./load-database");
  createLoadDatabase(databasePath);
}
const { sqlite } = await import("~/db.server");
const { listDevices } = await import("~/models/device.server");
const { verifyLedger } = await import("~/models/custody.server");
const { describeVerdict } = await import("~/domain/custody");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown, repetitions: number): { median: number; max: number } {
  run(); // warm the page cache and the statement cache
  const durations = Array.from({ length: repetitions }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
  return { median: median(durations), max: Math.max(...durations) };
}

const departmentId = (sqlite.prepare("SELECT id FROM organizations WHERE kind = 'department' ORDER BY id LIMIT 1").get() as { id: number }).id;
const pageSize = 25;
const scenarios: [string, Parameters<typeof listDevices>[0], Parameters<typeof listDevices>[1]][] = [
  ["all devices, first page, newest first", { page: 1, pageSize }, { kind: "all" }],
  ["all devices, page 200", { page: 200, pageSize }, { kind: "all" }],
  ["all devices, last page (offset 99,975)", { page: 4000, pageSize }, { kind: "all" }],
  ["status filter", { page: 1, pageSize, status: "wiped" }, { kind: "all" }],
  ["type filter, sorted by asset tag", { page: 1, pageSize, type: "tablet", sort: "assetTag" }, { kind: "all" }],
  ["one department (department staff)", { page: 1, pageSize }, { kind: "department", departmentId }],
  ["search 'ThinkPad' (trigram index)", { page: 1, pageSize, q: "ThinkPad" }, { kind: "all" }],
  ["search asset tag 'B-0999'", { page: 1, pageSize, q: "B-0999" }, { kind: "all" }],
  ["search 2-character prefix 'B-'", { page: 1, pageSize, q: "B-" }, { kind: "all" }],
];

const deviceCount = (sqlite.prepare("SELECT count(*) AS total FROM devices").get() as { total: number }).total;
const eventCount = (sqlite.prepare("SELECT count(*) AS total FROM custody_events").get() as { total: number }).total;
console.log(`\nDevice list (model query + count, ${deviceCount.toLocaleString("en")} devices), 20 runs each:`);
for (const [name, query, scope] of scenarios) {
  let total = 0;
  const { median: ms, max } = time(() => (total = listDevices(query, scope).total), 20);
  console.log(`  ${name.padEnd(44)} median ${ms.toFixed(1).padStart(7)} ms   max ${max.toFixed(1).padStart(7)} ms   (${total} matches)`);
}

const plans = sqlite.prepare("EXPLAIN QUERY PLAN SELECT id FROM devices WHERE status = ? ORDER BY updated_at DESC, id DESC LIMIT 25").all("wiped") as {
  detail: string;
}[];
console.log(`\nQuery plan, status filter: ${plans.map((plan) => plan.detail).join(" | ")}`);

await measureImpact();
await measureDevicePageOverHttp();

// The inventory import (its own database, through the CLI) and the streamed export of the load database's devices.
const { benchImport, benchExport } = await import("./import-export");
await benchExport();
benchImport();

/** The impact dashboard's figures (issue 13): SQL aggregates over the (type, at, device_id) index, target < 300 ms median. */
async function measureImpact() {
  const { impactSummary } = await import("~/models/impact.server");
  const { periodOfDays } = await import("~/domain/impact");
  const year = periodOfDays("2024-01-01", "2024-12-31");
  const quarter = periodOfDays("2024-01-01", "2024-03-31");
  console.log("\nImpact dashboard figures (totals, per department, per month, destinations, service life), 10 runs each:");
  for (const [name, period, scope] of [
    ["year 2024, city-wide", year, { kind: "all" }],
    ["Q1 2024, city-wide", quarter, { kind: "all" }],
    ["year 2024, one department", year, { kind: "department", departmentId }],
  ] as const) {
    let redeployed = 0;
    const { median: ms, max } = time(() => (redeployed = impactSummary(period, scope).totals.devicesRedeployed), 10);
    console.log(`  ${name.padEnd(44)} median ${ms.toFixed(1).padStart(7)} ms   max ${max.toFixed(1).padStart(7)} ms   (${redeployed} redeployed)`);
  }
}

/** The whole page as a browser gets it: the production build, signed in as a technician. */
async function measureDevicePageOverHttp() {
  const buildPath = path.resolve("build/server/index.js");
  if (!existsSync(buildPath)) {
    console.log("\n(no production build: run `npm run build` to time the page over HTTP too)");
    return;
  }
  const { hashPassword } = await import("~/auth/password.server");
  const { createHttpApp } = await import("~/http/server");
  sqlite.prepare("UPDATE users SET password_hash = ? WHERE id = 'bench-user'").run(await hashPassword("bench-password"));
  const build: ServerBuild = await import(pathToFileURL(buildPath).href);
  const server = createHttpApp(build).listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  try {
    const signIn = await fetch(`${base}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "bench@bench.city", password: "bench-password" }),
      redirect: "manual",
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    console.log("\nDevice list page over HTTP (server-rendered HTML, signed in), 20 runs each:");
    for (const [name, query] of [
      ["first page", ""],
      ["status filter", "?status=wiped"],
      ["search 'ThinkPad'", "?q=ThinkPad"],
      ["page 200", "?page=200"],
    ] as const) {
      const durations: number[] = [];
      for (let run = 0; run <= 20; run += 1) {
        const started = performance.now();
        const response = await fetch(`${base}/devices${query}`, { headers: { Cookie: cookie } });
        await response.text();
        if (response.status !== 200) throw new Error(`GET /devices${query} answered ${response.status}`);
        if (run > 0) durations.push(performance.now() - started);
      }
      console.log(
        `  ${name.padEnd(44)} median ${median(durations).toFixed(1).padStart(7)} ms   max ${Math.max(...durations)
          .toFixed(1)
          .padStart(7)} ms`,
      );
    }
  } finally {
    server.close();
  }
}

const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const verdict = verifyLedger();
const seconds = (performance.now() - started) / 1000;
const rssAfter = process.memoryUsage().rss;
console.log(
  `\ncustody verification of ${eventCount.toLocaleString("en")} events: ${seconds.toFixed(2)} s (${Math.round(eventCount / seconds).toLocaleString("en")} events/s), RSS ${Math.round(rssBefore / 2 ** 20)} → ${Math.round(rssAfter / 2 ** 20)} MiB`,
);
console.log(describeVerdict(verdict));
