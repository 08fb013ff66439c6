// The impact pages: the coordinator's dashboard and its Fair ICT report (PDF, CSV), a department's own
// figures, the public page and the open data, with and without JavaScript, in both languages.
import Database from "better-sqlite3";
import { demoUsers, expect, expectAccessible, signIn, test } from "./support/fixtures";
import { pdfText } from "./support/pdf-text";
import { e2eDatabasePath } from "./support/server";

const lastYear = String(new Date().getUTCFullYear() - 1);

test.describe("the coordinator's impact dashboard", () => {
  test("shows the period's figures and charts, changes the period, and downloads the report whose PDF carries them and the head hash", async ({ page }) => {
    await signIn(page, demoUsers.coordinator);
    await page.goto("/");
    await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Impact" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Impact" })).toBeVisible();
    await expect(page.getByRole("img", { name: /Hergebruikte toestellen per maand/ })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Jaar", { exact: true }).selectOption(lastYear);
    await page.getByLabel("Kwartaal", { exact: true }).selectOption("");
    await page.getByRole("button", { name: "Tonen", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`year=${lastYear}`));
    await expect(page.getByText(`tot 31 december ${lastYear}`)).toBeVisible();
    const devices = (await page.locator('[data-total="devicesRedeployed"]').innerText()).trim();
    const carbon = (await page.locator('[data-total="kgCo2eAvoided"]').innerText()).replace(/\s*kg$/, "").trim();
    expect(Number(devices)).toBeGreaterThan(0);
    await expect(page.getByRole("heading", { name: "Per dienst" })).toBeVisible();
    await expect(page.getByRole("table").filter({ hasText: "Facilitair Bedrijf" })).toBeVisible();

    const pdfLink = page.getByRole("link", { name: "PDF downloaden" });
    const pdfResponse = await page.request.get((await pdfLink.getAttribute("href"))!);
    expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
    const { text } = await pdfText(new Uint8Array(await pdfResponse.body()));
    expect(text).toContain("Fair ICT-rapport");
    expect(text).toContain(devices);
    expect(text).toContain(carbon);
    const hash = /\b[0-9a-f]{64}\b/.exec(text)?.[0];
    expect(hash, "the custody head hash").toBeDefined();
    const ledger = new Database(e2eDatabasePath, { readonly: true });
    try {
      expect(ledger.prepare("SELECT count(*) AS found FROM custody_events WHERE hash = ?").get(hash)).toEqual({ found: 1 });
    } finally {
      ledger.close();
    }

    const csvResponse = await page.request.get((await page.getByRole("link", { name: "CSV downloaden" }).getAttribute("href"))!);
    expect(csvResponse.headers()["content-type"]).toContain("text/csv");
    const lines = (await csvResponse.text()).trim().split("\n");
    expect(lines[0]).toBe("kind,date,assetTag,manufacturer,model,type,department,destination,certificateNumber,kgCo2eAvoided,carbonSource,carbonReference");
    expect(lines.filter((line) => line.startsWith("redeployed,")).length).toBeGreaterThanOrEqual(Number(devices) > 0 ? 1 : 0);
    expect(lines.some((line) => line.startsWith("recycled,"))).toBe(true);

    await page.getByRole("link", { name: "Fair ICT-rapport" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Fair ICT-rapport" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Lessen voor aankoop" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a custom period, and a quarter, answer from the query", async ({ page }) => {
    await signIn(page, demoUsers.coordinator);
    await page.goto("/impact");
    await page.getByLabel("Van", { exact: true }).fill(`${lastYear}-03-01`);
    await page.getByLabel("Tot en met").fill(`${lastYear}-05-31`);
    await page.getByRole("button", { name: "Periode tonen" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${lastYear}-03-01&to=${lastYear}-05-31`));
    await expect(page.getByText(`Van 1 maart ${lastYear} tot 31 mei ${lastYear}`)).toBeVisible();
    await page.goto(`/impact?from=${lastYear}-05-31&to=${lastYear}-03-01`);
    await expect(page.getByText("Dat is geen periode")).toBeVisible();
  });

  test.describe("in English", () => {
    test.use({ locale: "en-GB" });
    test("is accessible", async ({ page }) => {
      await signIn(page, demoUsers.coordinator);
      await page.goto(`/impact?year=${lastYear}`);
      await expect(page.getByRole("heading", { level: 1, name: "Impact" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Where devices went" })).toBeVisible();
      await expectAccessible(page);
      await page.goto(`/impact/report?year=${lastYear}`);
      await expect(page.getByRole("heading", { level: 1, name: "Fair ICT report" })).toBeVisible();
      await expectAccessible(page);
    });
  });
});

test("a department sees only its own devices' figures", async ({ page }) => {
  await signIn(page, demoUsers.department);
  await page.goto(`/impact?year=${lastYear}`);
  await expect(page.getByText("Wat hergebruik van de toestellen van Facilitair Bedrijf bespaarde.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Per dienst" })).toHaveCount(0);
  const own = Number((await page.locator('[data-total="devicesRedeployed"]').innerText()).trim());
  const csv = await (await page.request.get(`/impact/report.csv?year=${lastYear}`)).text();
  const departments = new Set(
    csv
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[6]),
  );
  expect([...departments].filter((name) => name !== "Facilitair Bedrijf")).toEqual([]);
  expect(own).toBeGreaterThanOrEqual(0);
  await expectAccessible(page);
});

test("a school's member may not see the dashboard", async ({ page, signedInAs }) => {
  await signedInAs("recipient");
  const response = await page.goto("/impact");
  expect(response?.status()).toBe(403);
});

test.describe("the public impact page", () => {
  test("is open to anyone, linked from the home page, with totals and the monthly chart but no device list", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Bekijk wat hergebruik bespaarde" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Wat hergebruik bespaarde" })).toBeVisible();
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Onze impact" })).toBeVisible();
    await expect(page.getByRole("img", { name: /Hergebruikte toestellen per maand/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Per dienst" })).toHaveCount(0);
    await expect(page.getByText("HIST-0001")).toHaveCount(0);
    await expectAccessible(page);
  });

  test.describe("in English", () => {
    test.use({ locale: "en-GB" });
    test("is accessible", async ({ page }) => {
      await page.goto(`/impact/public?year=${lastYear}`);
      await expect(page.getByRole("heading", { level: 1, name: "What reuse saved" })).toBeVisible();
      await expectAccessible(page);
    });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("shows the charts and changes the period", async ({ page }) => {
      await page.goto("/impact/public");
      await page.getByLabel("Jaar", { exact: true }).selectOption(lastYear);
      await page.getByRole("button", { name: "Tonen", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`year=${lastYear}`));
      await expect(page.locator("svg[role=img]")).toHaveCount(2);
      await expect(page.locator("svg[role=img] rect").first()).toBeAttached();
    });

    test("the coordinator's dashboard draws its charts on the server", async ({ page }) => {
      await signIn(page, demoUsers.coordinator);
      await page.goto(`/impact?year=${lastYear}`);
      await expect(page.locator("svg[role=img]")).toHaveCount(4);
    });
  });

  test("the open data answers JSON and CSV with the same totals", async ({ request }) => {
    const json = await request.get(`/api/v1/impact?from=${lastYear}-01-01&to=${lastYear}-12-31`);
    expect(json.status()).toBe(200);
    const body = await json.json();
    expect(Object.keys(body)).toEqual(["from", "to", "devicesRedeployed", "kgCo2eAvoided", "kgEwasteDiverted", "eurReplacementAvoided", "byMonth"]);
    expect(body.byMonth).toHaveLength(12);
    expect(body.byMonth.reduce((sum: number, month: { devicesRedeployed: number }) => sum + month.devicesRedeployed, 0)).toBe(body.devicesRedeployed);
    const csv = await request.get(`/api/v1/impact?from=${lastYear}-01-01&to=${lastYear}-12-31&format=csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const rows = (await csv.text()).trim().split("\n");
    expect(rows[0]).toBe("month,devicesRedeployed,kgCo2eAvoided,kgEwasteDiverted,eurReplacementAvoided");
    expect(rows.at(-1)).toBe(
      `${lastYear}-01-01/${lastYear}-12-31,${body.devicesRedeployed},${body.kgCo2eAvoided},${body.kgEwasteDiverted},${body.eurReplacementAvoided}`,
    );
    expect((await request.get("/api/v1/impact?from=2025-02-30&to=2025-03-01")).status()).toBe(400);
  });
});
