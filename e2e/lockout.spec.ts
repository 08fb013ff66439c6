import { expect, expectAccessible, test, unique } from "./support/fixtures";

test("ten failed sign-ins lock the account with a clear message", async ({ page, request }) => {
  const email = `${unique("slot")}@demo.city`;
  const password = "het juiste wachtwoord";
  await page.goto("/signup");
  await page.getByLabel("Volledige naam").fill("Sam Slot");
  await page.getByLabel("E-mailadres op het werk").fill(email);
  await page.getByLabel("Dienst").selectOption({ label: "Sociaal Huis" });
  await page.getByLabel("Kies een wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welkom, Sam Slot" })).toBeVisible();
  await page.getByRole("button", { name: "Afmelden" }).click();

  for (let attempt = 1; attempt <= 10; attempt += 1) {
    const response = await request.post("/login", { form: { email, password: `fout ${attempt}` }, maxRedirects: 0 });
    expect(response.status(), `attempt ${attempt}`).toBe(400);
  }

  // Now even the right password is refused, through the form, with 429 and a message.
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().includes("/login") && candidate.request().method() === "POST"),
    page.getByRole("button", { name: "Aanmelden" }).click(),
  ]);
  expect(response.status()).toBe(429);
  await expect(page.getByRole("alert")).toContainText("Te veel mislukte aanmeldingen voor dit account. Het is 15 minuten vergrendeld");
  await expectAccessible(page);

  const api = await request.post("/api/v1/tokens", { data: { email, password } });
  expect(api.status()).toBe(429);
  expect((await api.json()).error.code).toBe("account_locked");
});
