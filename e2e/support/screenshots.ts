// `npm run screenshots`: full-page screenshots of each role's home page (and a few public pages) in
// both languages, at desktop and mobile widths, into e2e/.screenshots/ — for people to look at.
// Needs a running app with demo data: BASE_URL defaults to http://localhost:3000.
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { findChromium } from "./chromium";

const baseUrl = process.env.BASE_URL ?? "http://localhost:3000";
const outputFolder = "e2e/.screenshots";
const accounts = ["coordinator@demo.city", "department@demo.city", "tech1@demo.city", "school@demo.school", "employee@demo.city", "pending@demo.school"];
const publicPages = ["/", "/login", "/register", "/signup", "/accessibility"];
const signedInPages: Record<string, string[]> = { "coordinator@demo.city": ["/organizations", "/invites", "/profile", "/mailbox"] };

mkdirSync(outputFolder, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ["--no-sandbox", "--disable-gpu"] });

for (const language of ["nl", "en"] as const) {
  for (const viewport of [
    { name: "desktop", width: 1280, height: 800 },
    { name: "mobile", width: 390, height: 844 },
  ]) {
    const locale = language === "nl" ? "nl-BE" : "en-GB";
    const context = await browser.newContext({ locale, viewport });
    const page = await context.newPage();
    for (const path of publicPages) {
      await page.goto(baseUrl + path);
      await page.screenshot({ path: `${outputFolder}/${language}-${viewport.name}-public${path.replace(/\//g, "_")}.png`, fullPage: true });
    }
    await context.close();
    for (const email of accounts) {
      const userContext = await browser.newContext({ locale, viewport });
      const userPage = await userContext.newPage();
      await userPage.request.post(`${baseUrl}/login`, { form: { email, password: "circuit-demo" } });
      for (const path of ["/", ...(signedInPages[email] ?? [])]) {
        await userPage.goto(baseUrl + path);
        const name = `${language}-${viewport.name}-${email.split("@")[0]}${path.replace(/\//g, "_")}.png`;
        await userPage.screenshot({ path: `${outputFolder}/${name}`, fullPage: true });
      }
      await userContext.close();
    }
  }
}
await browser.close();
console.log(`Screenshots in ${outputFolder}/`);
