// Run before the browser tests: find Chromium, or install Debian's package when running as root,
// or stop with one line that says what to install.
import { execSync } from "node:child_process";
import { debianChromium, findChromium } from "./chromium";

if (findChromium() === null) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(`No Chromium found: install Debian's package (sudo apt-get install -y chromium) so that ${debianChromium} exists.`);
    process.exit(1);
  }
  console.log("No Chromium found: installing Debian's chromium package…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  if (findChromium() === null) {
    console.error(`Installing chromium did not provide ${debianChromium}.`);
    process.exit(1);
  }
}
