import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/support/chromium";
import { e2eDatabasePath, e2ePort as port } from "./e2e/support/server";

const executablePath = findChromium() ?? undefined;
const loadSpecs = ["**/crash.spec.ts", "**/fuzz.spec.ts", "**/shutdown.spec.ts"];

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // Whole flows (register → wipe → certify → hand over) with an axe check on every page take a while on 2 cores,
  // and a password hash (argon2id) or a page under load can take seconds: budgets, not timing checks.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "nl-BE",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: loadSpecs },
    // These load both cores (servers killed and restarted, thousands of requests): they run once the browser
    // tests are done, so that those keep their timing. Alone: `npx playwright test e2e/fuzz.spec.ts --no-deps`.
    { name: "load", use: { ...devices["Desktop Chrome"] }, testMatch: loadSpecs, dependencies: ["chromium"] },
  ],
  // The README's own start command, on a fresh database of its own.
  webServer: {
    command: `rm -rf data/e2e-${port} && npm start`,
    url: `http://localhost:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    env: { PORT: String(port), DATABASE_PATH: e2eDatabasePath, DEMO_DATA: "true" },
  },
});
