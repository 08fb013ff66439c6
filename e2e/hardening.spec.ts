// Findings of the hardening review (issue 9) that only a browser against the running server shows.
import { demoUsers, expect, test } from "./support/fixtures";

test("signing in with a redirect that would leave the site lands on this site", async ({ page, baseURL }) => {
  await page.goto(`/login?${new URLSearchParams({ redirectTo: "/.//evil.example" })}`);
  await page.getByLabel("E-mailadres").fill(demoUsers.department);
  await page.getByLabel("Wachtwoord").fill("circuit-demo");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welkom, Tom Peeters" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
});

test("a hostile redirect is answered with a Location on this site", async ({ request }) => {
  for (const redirectTo of ["/.//evil.example", "/x/..//evil.example", "/%2e//evil.example", "/%2F%2Fevil.example"]) {
    const response = await request.post("/login", { form: { email: demoUsers.department, password: "circuit-demo", redirectTo }, maxRedirects: 0 });
    expect(response.status(), redirectTo).toBe(302);
    expect(response.headers()["location"], redirectTo).toBe("/");
  }
});
