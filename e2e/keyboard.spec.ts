// Keyboard only: the whole chain (register → collect → wipe → validate → certify → list → request →
// approve → match → confirm, plus the language switch and the accessibility statement) with
// page.keyboard alone, in both languages. After every step it checks where focus is and that the
// confirmation sits in the page's live region, and it counts the key presses (typed characters apart).
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { freshDatabasePath, killChildServers, startChildServer } from "./support/child-server";
import { expect, expectAccessible, test, type Account } from "./support/fixtures";
import { e2ePort } from "./support/server";

type Language = "nl" | "en";
type Messages = { [key: string]: string | Messages };

const messages: Record<Language, Messages> = {
  nl: JSON.parse(readFileSync("app/i18n/locales/nl.json", "utf8")),
  en: JSON.parse(readFileSync("app/i18n/locales/en.json", "utf8")),
};

/** The page's text for a translation key, as i18next fills it in ({{name}} placeholders; `_one`/`_other` by count). */
function tr(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const path = key.split(".");
  const last = path.pop() ?? "";
  let node: Messages | string | undefined = messages[language];
  for (const part of path) node = typeof node === "object" ? node[part] : undefined;
  const plural = values.count === undefined ? last : `${last}_${values.count === 1 ? "one" : "other"}`;
  const template = typeof node === "object" ? (node[plural] ?? node[last]) : undefined;
  if (typeof template !== "string") throw new Error(`No text for ${key} in ${language}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Key presses per step of a walk: navigation keys (Tab, Enter, Space, arrows) and typed characters apart. */
type Tally = { step: string; keys: number; typed: number }[];

/** What the focused element is called: its label, aria-label or text. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "";
    const labelled = element.getAttribute("aria-label");
    const labels = "labels" in element && element.labels instanceof NodeList ? Array.from(element.labels) : [];
    const text = labelled ?? (labels[0]?.textContent || element.textContent) ?? "";
    return text.replace(/\s+/g, " ").trim();
  });
}

/** page.keyboard, counted. */
class Keyboard {
  constructor(
    readonly page: Page,
    private readonly tally: Tally,
  ) {}

  private get current() {
    const step = this.tally.at(-1);
    if (!step) throw new Error("Start a step first");
    return step;
  }

  async press(key: string, times = 1): Promise<void> {
    for (let press = 0; press < times; press += 1) {
      await this.page.keyboard.press(key);
      this.current.keys += 1;
    }
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.current.typed += text.length;
  }

  /** Tab (or Shift+Tab) until focus is on the control with this name, as a person scanning the page would. */
  async tabTo(name: string | RegExp, { backwards = false } = {}): Promise<void> {
    const matches = (candidate: string) => (typeof name === "string" ? candidate === name : name.test(candidate));
    const seen: string[] = [];
    for (let press = 0; press < 120; press += 1) {
      await this.press(backwards ? "Shift+Tab" : "Tab");
      const focused = await focusedName(this.page);
      if (matches(focused)) return;
      seen.push(focused);
    }
    throw new Error(`Tab never reached ${String(name)}; passed ${seen.slice(-15).join(" | ")}`);
  }
}

/** React has hydrated the page (its handlers are attached), so keys reach the app, not only the browser. */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.getElementById("main");
    return main !== null && Object.keys(main).some((key) => key.startsWith("__react"));
  });
}

/** The page's one polite live region, present from the first render. */
const liveRegion = (page: Page) => page.locator('[role="status"][aria-live="polite"]');

/** Focus is on the confirmation, and the confirmation is in the live region. */
async function expectConfirmation(page: Page, text: string): Promise<void> {
  await expect(liveRegion(page)).toContainText(text);
  await expect(liveRegion(page).locator("#flash-message")).toBeFocused();
}

async function expectHeadingFocused(page: Page, name: string | RegExp, timeout?: number): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name })).toBeFocused({ timeout });
}

/**
 * Opens the sign-in page (a bookmark: not counted) and signs in with the keyboard, past the header by
 * the skip link; focus lands on the home page's heading.
 */
async function signInWithKeyboard(keys: Keyboard, language: Language, account: Account): Promise<void> {
  await keys.page.goto("/login");
  await hydrated(keys.page);
  await keys.tabTo(tr(language, "layout.skipToContent"));
  await keys.press("Enter");
  await expectHeadingFocused(keys.page, tr(language, "login.title"));
  await keys.tabTo(tr(language, "fields.email"));
  await keys.type(account.email);
  await keys.press("Tab");
  await keys.type(account.password);
  await keys.press("Enter");
  // Signing in hashes the password (argon2id): seconds on a busy machine.
  await expectHeadingFocused(keys.page, tr(language, "home.welcome", { name: account.name }), 20_000);
}

/** Finds a device by its asset tag in the device list and opens it; focus lands on the device page's heading. */
/**
 * Opens a device from the header's scan box (the asset tag typed, as a barcode scanner would type it):
 * back from the page's heading to the box, the tag, Enter; focus lands on the device page's heading.
 */
async function openByScanBox(keys: Keyboard, language: Language, assetTag: string, heading: string): Promise<void> {
  await keys.tabTo(tr(language, "scan.inputLabel"), { backwards: true });
  await keys.type(assetTag);
  await keys.press("Enter");
  await expectHeadingFocused(keys.page, heading);
}

async function newPage(browser: Browser, language: Language, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: language === "nl" ? "nl-BE" : "en-GB", baseURL });
  return { context, page: await context.newPage() };
}

/**
 * A date next year whose day and month are the same number, and the digits typed for it: a date input
 * orders its parts by the browser's own language (not the page's), and these digits mean the same day
 * whether it asks for the day or the month first.
 */
function dateTypedAlike(): { isoDate: string; digits: string } {
  const year = new Date().getFullYear() + 1;
  return { isoDate: `${year}-03-03`, digits: `0303${year}` };
}

const choices = {
  nl: { laptop: "L", clear: "W", overwrite: "O", pass: "G", full: "V", gradeA: "A" },
  en: { laptop: "L", clear: "C", overwrite: "O", pass: "P", full: "F", gradeA: "A" },
} as const;

test.afterEach(killChildServers);

for (const language of ["nl", "en"] as const) {
  test(`the whole chain with the keyboard only (${language})`, async ({ browser }) => {
    // Five people's whole chain with axe checks on a shared 2-core machine: a generous budget, not a timing check.
    test.setTimeout(480_000);
    // A server and a freshly seeded database of the walk's own: on the shared e2e server, other tests' proposals
    // and devices lengthen the match board and the queues, and the count would measure them, not the app.
    const databasePath = freshDatabasePath(`keyboard-${language}-${e2ePort}`);
    const server = await startChildServer({ port: e2ePort + (language === "nl" ? 171 : 172), databasePath });
    const newAccount = (role: Account["role"], options: { shortAddress: boolean }) => createAccount(role, { ...options, databasePath });
    const t = (key: string, values?: Record<string, string | number>) => tr(language, key, values);
    const choose = choices[language];
    const tally: Tally = [];
    const step = (name: string) => tally.push({ step: name, keys: 0, typed: 0 });
    const contexts: BrowserContext[] = [];
    const actor = async () => {
      const opened = await newPage(browser, language, server.url);
      contexts.push(opened.context);
      return new Keyboard(opened.page, tally);
    };
    const stamp = `${Date.now().toString(36)}${language}`.toUpperCase();
    const mediumSerial = `D-${stamp}`;
    const deviceName = "Dell Latitude 5400";

    // The department registers a laptop with one drive; Enter in the last field registers it.
    const departmentAccount = await newAccount("department", { shortAddress: true });
    const department = await actor();
    step("sign in (department)");
    await signInWithKeyboard(department, language, departmentAccount);
    step("register");
    await department.tabTo(t("devices.register"));
    await department.press("Enter");
    await expectHeadingFocused(department.page, t("devices.registerTitle"));
    // No asset tag typed: Circuit assigns a free one and says which.
    await department.tabTo(t("device.serial"));
    await department.type(`S-${stamp}`);
    await department.press("Tab");
    await department.type("Dell");
    await department.press("Tab");
    await department.type("Latitude 5400");
    await department.tabTo(t("device.type"));
    await department.type(choose.laptop);
    await department.tabTo(t("device.ramGb"));
    await department.type("8");
    await department.press("Tab");
    await department.type("256");
    await department.tabTo(t("deviceForm.addMedium"));
    await department.press("Enter");
    // The new medium's first field takes focus, and the addition is announced.
    const medium = department.page.getByRole("group", { name: t("deviceForm.mediumLegend", { number: 1 }) });
    await expect(medium.getByLabel(t("medium.serial"))).toBeFocused();
    await expect(liveRegion(department.page)).toContainText(t("deviceForm.mediumAdded", { number: 1 }));
    await department.type(mediumSerial);
    await department.press("Tab");
    await department.type("S");
    await department.press("Tab");
    await department.type("256");
    await expectAccessible(department.page);
    await department.press("Enter");
    const assignedTag = new RegExp(escapeRegExp(t("flash.deviceRegistered", { assetTag: "\u0000" })).replace("\u0000", "(CIR-\\d{6})"));
    await expect(liveRegion(department.page)).toContainText(assignedTag);
    const assetTag = ((await liveRegion(department.page).textContent()) ?? "").match(assignedTag)?.[1] ?? "";
    expect(assetTag).toMatch(/^CIR-\d{6}$/);
    await expectConfirmation(department.page, t("flash.deviceRegistered", { assetTag }));
    await expect(department.page.getByRole("heading", { level: 1, name: deviceName })).toBeVisible();
    await expectAccessible(department.page);
    step("sign out (department)");
    await department.tabTo(t("auth.signOut"), { backwards: true });
    await department.press("Enter");
    await expectConfirmation(department.page, t("flash.signedOut"));

    // The first technician collects it and records the wipe of its drive.
    const firstTechnicianAccount = await newAccount("technician", { shortAddress: true });
    const firstTechnician = await actor();
    step("sign in (technician 1)");
    await signInWithKeyboard(firstTechnician, language, firstTechnicianAccount);
    step("collect");
    await openByScanBox(firstTechnician, language, assetTag, deviceName);
    await firstTechnician.tabTo(t("devicePage.collect"));
    await firstTechnician.press("Enter");
    await expectConfirmation(firstTechnician.page, t("flash.deviceCollected", { assetTag }));
    await expectAccessible(firstTechnician.page);
    step("wipe (record)");
    await firstTechnician.tabTo(t("wipeSection.record", { serial: mediumSerial }));
    await firstTechnician.press("Enter");
    await expectHeadingFocused(firstTechnician.page, t("wipePage.title"));
    await firstTechnician.tabTo(t("wipe.method"));
    await firstTechnician.type(choose.clear);
    await firstTechnician.tabTo(t("wipe.technique"));
    await firstTechnician.type(choose.overwrite);
    await firstTechnician.tabTo(t("wipe.rounds"));
    await firstTechnician.type("1");
    await firstTechnician.tabTo(t("wipe.tool"));
    await firstTechnician.type("nwipe");
    await firstTechnician.tabTo(t("wipe.toolVersion"));
    await firstTechnician.type("0.34");
    await firstTechnician.tabTo(t("wipe.result"));
    await firstTechnician.type(choose.pass);
    await firstTechnician.tabTo(t("wipe.verification"));
    await firstTechnician.type(choose.full);
    await expectAccessible(firstTechnician.page);
    // Enter in a text field sends the form (a closed select would open instead).
    await firstTechnician.tabTo(t("wipe.samplePercent"));
    await firstTechnician.press("Enter");
    await expectConfirmation(firstTechnician.page, t("flash.wipeRecorded", { serial: mediumSerial }));

    // The second technician validates the wipe, certifies and lists the laptop.
    const secondTechnicianAccount = await newAccount("technician", { shortAddress: true });
    const secondTechnician = await actor();
    step("sign in (technician 2)");
    await signInWithKeyboard(secondTechnician, language, secondTechnicianAccount);
    step("validate");
    await openByScanBox(secondTechnician, language, assetTag, deviceName);
    // The only drive: the validator ticks what they checked, and validates and certifies in one go.
    await secondTechnician.tabTo(t("wipeSection.evidenceChecked"));
    await secondTechnician.press("Space");
    await secondTechnician.tabTo(t("wipeSection.validateAndCertify", { serial: mediumSerial }));
    await secondTechnician.press("Enter");
    // The certificate's number follows "WC-"; the message up to there is known.
    await expectConfirmation(secondTechnician.page, t("flash.wipeValidatedAndCertified", { serial: mediumSerial, number: "WC-" }).replace(/\.$/, ""));
    await expectAccessible(secondTechnician.page);
    step("list");
    await secondTechnician.tabTo(t("device.conditionGrade"));
    await secondTechnician.type(choose.gradeA);
    await secondTechnician.tabTo(t("devicePage.specsConfirmed"));
    await secondTechnician.press("Space");
    await secondTechnician.tabTo(t("devicePage.list"));
    await secondTechnician.press("Enter");
    await expectConfirmation(secondTechnician.page, t("flash.deviceListed", { assetTag }));

    // A school asks for a laptop.
    const schoolAccount = await newAccount("recipient", { shortAddress: true });
    const school = await actor();
    step("sign in (school)");
    await signInWithKeyboard(school, language, schoolAccount);
    step("request");
    await school.tabTo(t("requests.new"));
    await school.press("Enter");
    await expectHeadingFocused(school.page, t("requests.newTitle"));
    await school.tabTo(t("device.type"));
    await school.type(choose.laptop);
    await school.tabTo(t("requests.beneficiariesLabel"));
    await school.type("24");
    await school.press("Tab");
    const neededBy = dateTypedAlike();
    await school.type(neededBy.digits);
    await expect(school.page.getByLabel(t("requests.neededByLabel"))).toHaveValue(neededBy.isoDate);
    await school.tabTo(t("requests.purpose"));
    await school.type(`Keyboard ${stamp}`);
    // The puntenschaal's questions for a school: they give the request its priority.
    await school.tabTo(t("requests.rubric.questions.pupilsWithoutDevice"));
    await school.type("60");
    await school.tabTo(t("requests.rubric.questions.disadvantagedSharePercent"));
    await school.type("100");
    await expectAccessible(school.page);
    await school.tabTo(t("requests.submit"));
    await school.press("Enter");
    await expect(liveRegion(school.page)).toContainText(/#\d+/);
    const requestId = ((await liveRegion(school.page).textContent()) ?? "").match(/#(\d+)/)?.[1] ?? "";
    await expectConfirmation(school.page, t("flash.requestFiled", { id: requestId }));

    // The coordinator approves it, computes the proposals and confirms the one for this request.
    const coordinatorAccount = await newAccount("coordinator", { shortAddress: true });
    const coordinator = await actor();
    step("sign in (coordinator)");
    await signInWithKeyboard(coordinator, language, coordinatorAccount);
    step("approve");
    await coordinator.tabTo(t("nav.requests"), { backwards: true });
    await coordinator.press("Enter");
    await expectHeadingFocused(coordinator.page, t("requests.title"));
    // Prefilled with the priority the puntenschaal computed from the school's answers.
    await coordinator.tabTo(t("requests.priorityFor", { id: requestId }));
    await expect(coordinator.page.getByLabel(t("requests.priorityFor", { id: requestId }))).toHaveValue("90");
    await coordinator.press("Enter");
    await expectConfirmation(coordinator.page, t("flash.requestApproved", { id: requestId }));
    step("match (compute proposals)");
    await coordinator.tabTo(t("nav.matching"), { backwards: true });
    await coordinator.press("Enter");
    await expectHeadingFocused(coordinator.page, t("matching.title"));
    await coordinator.tabTo(t("matching.run"));
    await coordinator.press("Enter");
    const summary = coordinator.page.locator("[data-focus-after-navigation]");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(t("matching.done"));
    await expectAccessible(coordinator.page);
    step("confirm");
    const confirmName = new RegExp(
      `^${escapeRegExp(t("matching.confirm", { device: "\u0000", request: requestId }))
        .split("\u0000")
        .join("(.+)")}$`,
    );
    await coordinator.tabTo(confirmName);
    const confirmedTag = (await focusedName(coordinator.page)).match(confirmName)?.[1] ?? "";
    await coordinator.press("Enter");
    await expectConfirmation(coordinator.page, t("flash.matchConfirmed", { assetTag: confirmedTag, request: requestId }));

    // The language switch keeps focus on the switch; the footer link leads to the statement's heading.
    const other: Language = language === "nl" ? "en" : "nl";
    const otherName = other === "nl" ? "Nederlands" : "English";
    step("language switch");
    await coordinator.tabTo(otherName, { backwards: true });
    await coordinator.press("Enter");
    await expect(coordinator.page.locator("html")).toHaveAttribute("lang", other);
    await expect(coordinator.page.getByRole("button", { name: otherName })).toBeFocused();
    await expect(coordinator.page.getByRole("button", { name: otherName })).toHaveAttribute("aria-pressed", "true");
    step("accessibility statement");
    await coordinator.tabTo(tr(other, "footer.accessibility"));
    await coordinator.press("Enter");
    await expectHeadingFocused(coordinator.page, tr(other, "accessibility.title"));
    await expect(coordinator.page.getByRole("heading", { level: 2, name: tr(other, "accessibility.testing.title") })).toBeVisible();
    await expectAccessible(coordinator.page);

    for (const context of contexts) await context.close();
    const total = tally.reduce((sum, { keys, typed }) => sum + keys + typed, 0);
    const navigationKeys = tally.reduce((sum, { keys }) => sum + keys, 0);
    for (const { step: name, keys, typed } of tally) {
      test.info().annotations.push({ type: `keys: ${name}`, description: `${keys + typed} (${keys} keys, ${typed} typed characters)` });
    }
    test.info().annotations.push({ type: "keys: total", description: `${total} (${navigationKeys} keys, ${total - navigationKeys} typed characters)` });
    console.log(`[${language}] ${tally.map(({ step: name, keys, typed }) => `${name}: ${keys}+${typed}`).join(", ")}; total ${total} (${navigationKeys} keys)`);
  });
}

test("the device form: Enter registers, adding and removing media move focus and are announced, the error summary links to its fields", async ({
  page,
  signedInAs,
}) => {
  await signedInAs("department");
  await page.goto("/devices/new");
  await hydrated(page);
  // The live region is there from the first render, empty.
  await expect(liveRegion(page)).toHaveCount(1);
  await expect(liveRegion(page)).toBeEmpty();
  const keys = new Keyboard(page, [{ step: "device form", keys: 0, typed: 0 }]);

  // Enter in an empty form tries to register (it used to add a storage medium): the summary lists the
  // fields to fix, and the first of them has focus.
  await keys.tabTo("Inventarisnummer");
  await keys.press("Enter");
  const summary = page.getByRole("alert");
  // The asset tag may stay empty (Circuit assigns one), so it is not among them.
  await expect(summary).toContainText("4 velden vragen aandacht:");
  await expect(summary.getByRole("link")).toHaveText(["Serienummer", "Fabrikant", "Model", "Soort"]);
  await expect(page.getByLabel("Serienummer", { exact: true })).toBeFocused();
  await expect(page.getByRole("group")).toHaveCount(0);
  await expectAccessible(page);
  // Back past the asset tag to the summary's last link, which takes focus to its field.
  await keys.tabTo("Soort", { backwards: true });
  expect(await focusedName(page)).toBe("Soort");
  await keys.press("Enter");
  await expect(page.locator("#device-type")).toBeFocused();
  await keys.type("L");

  // "Add" puts focus in the new medium's first field and says so.
  await keys.tabTo("Opslagmedium toevoegen");
  await keys.press("Enter");
  await expect(page.getByRole("group", { name: "Opslagmedium 1" }).getByLabel("Serienummer")).toBeFocused();
  await expect(liveRegion(page)).toHaveText("Opslagmedium 1 toegevoegd.");
  await keys.tabTo("Opslagmedium toevoegen");
  await keys.press("Enter");
  await expect(page.getByRole("group", { name: "Opslagmedium 2" }).getByLabel("Serienummer")).toBeFocused();
  await expect(liveRegion(page)).toHaveText("Opslagmedium 2 toegevoegd.");
  await expectAccessible(page);

  // "Remove" puts focus on the list's heading (the media after it were renumbered) and says so.
  await keys.tabTo("Opslagmedium 1 verwijderen", { backwards: true });
  await keys.press("Enter");
  await expect(page.getByRole("heading", { name: "Opslagmedia" })).toBeFocused();
  await expect(liveRegion(page)).toHaveText("Opslagmedium 1 verwijderd; nog 1 opslagmedium.");
  await expect(page.getByRole("group")).toHaveCount(1);

  const tag = `KBF-${Date.now().toString(36)}`.toUpperCase();
  await keys.tabTo("Inventarisnummer", { backwards: true });
  for (const [label, value] of [
    ["Inventarisnummer", tag],
    ["Serienummer", `${tag}-S`],
    ["Fabrikant", "HP"],
    ["Model", "EliteDesk 800"],
  ] as const) {
    expect(await focusedName(page)).toBe(label);
    await keys.type(value);
    await keys.press("Tab");
  }
  const remaining = page.getByRole("group", { name: "Opslagmedium 1" });
  await keys.tabTo("Serienummer");
  await expect(remaining.getByLabel("Serienummer")).toBeFocused();
  await keys.type(`${tag}-D`);
  await keys.press("Tab");
  await keys.type("H");
  await keys.press("Tab");
  await keys.type("500");
  await keys.press("Enter");
  await expectConfirmation(page, `${tag} is geregistreerd.`);
  await expect(page.getByRole("cell", { name: `${tag}-D` })).toBeVisible();
});

test("the skip link lands on the main heading, at the top of a freshly loaded page", async ({ page, signedInAs }) => {
  await signedInAs("coordinator");
  await page.goto("/devices");
  await hydrated(page);
  const keys = new Keyboard(page, [{ step: "skip link", keys: 0, typed: 0 }]);
  const entries = await page.evaluate(() => history.length);
  await keys.press("Tab");
  expect(await focusedName(page)).toBe("Naar de inhoud");
  await keys.press("Enter");
  await expectHeadingFocused(page, "Toestellen");
  // No history entry of its own: such entries share one scroll position across pages.
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await keys.press("End");
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);

  // Another page, loaded afresh: it starts at its top, and the skip link lands on its heading in view.
  await page.goto("/devices?sort=assetTag");
  await hydrated(page);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await keys.press("Tab");
  await keys.press("Enter");
  await expectHeadingFocused(page, "Toestellen");
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(200);
});

test("a link that looks like a button answers Space, and the next page's heading takes focus", async ({ page, signedInAs }) => {
  await signedInAs("department");
  await page.goto("/");
  await hydrated(page);
  const keys = new Keyboard(page, [{ step: "space", keys: 0, typed: 0 }]);
  await keys.tabTo("Toestel registreren");
  await keys.press("Space");
  await expect(page).toHaveURL(/\/devices\/new$/);
  await expectHeadingFocused(page, "Toestel registreren");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Enter in a field registers the device (not an empty storage medium), and the skip link lands on the heading", async ({ page, signedInAs }) => {
    await signedInAs("department");
    await page.goto("/devices/new");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expectHeadingFocused(page, "Toestel registreren");

    const tag = `KBN-${Date.now().toString(36)}`.toUpperCase();
    await page.getByLabel("Inventarisnummer").fill(tag);
    await page.getByLabel("Serienummer").first().fill(`${tag}-S`);
    await page.getByLabel("Fabrikant").fill("Lenovo");
    await page.getByLabel("Model").fill("ThinkCentre M720");
    await page.getByLabel("Soort", { exact: true }).first().selectOption({ label: "Desktop" });
    // Adding a medium is a round trip to the server, and still works.
    await page.getByRole("button", { name: "Opslagmedium toevoegen" }).click();
    const medium = page.getByRole("group", { name: "Opslagmedium 1" });
    await medium.getByLabel("Serienummer").fill(`${tag}-D`);
    await medium.getByLabel("Soort").selectOption("SSD");
    await medium.getByLabel("Capaciteit (GB)").fill("256");
    await medium.getByLabel("Capaciteit (GB)").press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Lenovo ThinkCentre M720" })).toBeVisible();
    await expect(liveRegion(page)).toContainText(`${tag} is geregistreerd.`);
    await expect(page.getByRole("cell", { name: `${tag}-D` })).toBeVisible();
  });
});

test("the request form: Enter in a field sends it, the error summary links to the fields to fix", async ({ page, signedInAs }) => {
  await signedInAs("recipient");
  await page.goto("/requests/new");
  await hydrated(page);
  const keys = new Keyboard(page, [{ step: "request form", keys: 0, typed: 0 }]);
  await keys.tabTo("Aantal toestellen");
  await keys.press("Enter");
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("6 velden vragen aandacht:");
  await expect(summary.getByRole("link")).toHaveText([
    "Soort",
    "Aantal gebruikers",
    "Nodig tegen",
    "Doel",
    "Aantal leerlingen zonder toestel thuis",
    "Aandeel leerlingen met een schooltoelage of kansarmoede-indicator (%)",
  ]);
  await expect(page.getByLabel("Soort")).toBeFocused();
  await expectAccessible(page);
  await keys.tabTo("Doel", { backwards: true });
  await keys.press("Enter");
  await expect(page.getByLabel("Doel")).toBeFocused();
});
