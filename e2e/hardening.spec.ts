// Findings of the hardening review (issue 9) that only a browser against the running server shows.
import { demoUsers, expect, signIn, test } from "./support/fixtures";

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

test("signed-in pages are not kept in any cache; public pages and static files are", async ({ page }) => {
  expect((await page.request.get("/")).headers()["cache-control"]).toBeUndefined();
  await signIn(page, demoUsers.tech1);
  for (const path of ["/", "/devices", "/profile"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["cache-control"], path).toBe("no-store");
  }
  expect((await page.request.get("/favicon.svg")).headers()["cache-control"]).toContain("max-age=3600");
});
