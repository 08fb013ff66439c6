import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";

/** Ten wrong passwords for the address, each answered 400: from a stranger, or from a browser through its own cookies. */
async function tenWrongPasswords(client: APIRequestContext, email: string, who: string): Promise<void> {
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    const response = await client.post("/login", { form: { email, password: `${who} fout ${attempt}` }, maxRedirects: 0 });
    expect(response.status(), `${who}, attempt ${attempt}`).toBe(400);
  }
}

/** Signs in through the form; returns the status of the form's answer. */
async function signInWithTheForm(page: Page, email: string, password: string): Promise<number> {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => new URL(candidate.url()).pathname.startsWith("/login") && candidate.request().method() === "POST"),
    page.getByRole("button", { name: "Aanmelden" }).click(),
  ]);
  return response.status();
}

test("ten failed sign-ins lock the account for strangers with a clear message", async ({ page, request, newAccount }) => {
  const account = await newAccount("employee");
  await tenWrongPasswords(request, account.email, "vreemde");

  // Now even the right password is refused, through the form, with 429 and a message.
  expect(await signInWithTheForm(page, account.email, account.password)).toBe(429);
  await expect(page.getByRole("alert")).toContainText("Te veel mislukte aanmeldingen voor dit account. Het is 15 minuten vergrendeld");
  await expectAccessible(page);

  const api = await request.post("/api/v1/tokens", { data: { email: account.email, password: account.password } });
  expect(api.status()).toBe(429);
  expect((await api.json()).error.code).toBe("account_locked");
});

test("a browser that signed in before keeps signing in while strangers have locked the account, until its own ten failures lock it too", async ({
  page,
  browser,
  newAccount,
}) => {
  const account = await newAccount("employee");
  // The owner's browser signs in once and signs out: it keeps the device cookie for this account.
  await signInWithTheForm(page, account.email, account.password);
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${account.name}` })).toBeVisible();
  const deviceCookies = (await page.context().cookies()).filter((cookie) => cookie.name.startsWith("circuit_device_"));
  expect(deviceCookies).toHaveLength(1);
  expect(deviceCookies[0]).toEqual(expect.objectContaining({ httpOnly: true, sameSite: "Lax", secure: false }));
  expect(deviceCookies[0]!.expires * 1000 - Date.now()).toBeGreaterThan(360 * 24 * 60 * 60 * 1000);
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Aanmelden" })).toBeVisible();

  // A stranger locks the account; a fresh browser is refused even with the right password.
  const stranger = await browser.newContext({ locale: "nl-BE" });
  await tenWrongPasswords(stranger.request, account.email, "vreemde");
  const strangerPage = await stranger.newPage();
  expect(await signInWithTheForm(strangerPage, account.email, account.password)).toBe(429);
  await expect(strangerPage.getByRole("alert")).toContainText("Te veel mislukte aanmeldingen");

  // The owner's browser still signs in, through the form.
  await signInWithTheForm(page, account.email, account.password);
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${account.name}` })).toBeVisible();
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Aanmelden" })).toBeVisible();

  // Its own ten wrong passwords lock its cookie; then the address's lock applies to it as to anyone.
  await tenWrongPasswords(page.context().request, account.email, "eigenaar");
  expect(await signInWithTheForm(page, account.email, account.password)).toBe(429);
  await expect(page.getByRole("alert")).toContainText("Te veel mislukte aanmeldingen");
  expect(await signInWithTheForm(strangerPage, account.email, account.password)).toBe(429);
  await stranger.close();
});
