// Which Chromium the browser tests use: Debian's /usr/bin/chromium where it is, otherwise
// Playwright's own browser where one is installed. Browsers cannot be downloaded on our machines.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const debianChromium = "/usr/bin/chromium";

/** The executable to launch, or undefined to let Playwright use its own; null when there is none. */
export function findChromium(): string | undefined | null {
  if (existsSync(debianChromium)) return debianChromium;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright throws when it has no browser of its own; fall through.
  }
  return null;
}
