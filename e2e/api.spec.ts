import { test } from "./support/api";
import { expect, expectAccessible, signIn } from "./support/fixtures";

const day = 86_400_000;

/** A date as the profile page writes it in Dutch. */
const dutchDate = (epoch: number) => new Intl.DateTimeFormat("nl-BE", { dateStyle: "long", timeZone: "Europe/Brussels" }).format(epoch);

test.describe("the JSON API", () => {
  test("a token from e-mail and password authorizes /api/v1/me", async ({ request, newAccount }) => {
    const school = await newAccount("recipient");
    const created = await request.post("/api/v1/tokens", { data: { email: school.email, password: "circuit-demo" } });
    expect(created.status()).toBe(201);
    const { token, expiresAt } = await created.json();
    expect(token).toMatch(/^ctk_/);
    // 90 days unless the caller chooses one of the offered lifetimes.
    expect(Math.abs(Date.parse(expiresAt) - (Date.now() + 90 * day))).toBeLessThan(60_000);
    const weekly = await request.post("/api/v1/tokens", { data: { email: school.email, password: "circuit-demo", expiresInDays: 7 } });
    expect(Math.abs(Date.parse((await weekly.json()).expiresAt) - (Date.now() + 7 * day))).toBeLessThan(60_000);
    const forever = await request.post("/api/v1/tokens", { data: { email: school.email, password: "circuit-demo", expiresInDays: 36500 } });
    expect(forever.status()).toBe(422);

    const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    const body = await me.json();
    expect(body).toEqual({
      id: expect.any(String),
      email: school.email,
      name: school.name,
      role: "recipient",
      organization: { id: expect.any(Number), name: school.organization.name, kind: "school", status: "approved" },
    });
  });

  test("wrong credentials and missing tokens get JSON errors", async ({ request, newAccount }) => {
    const nonprofit = await newAccount("recipient", { kind: "nonprofit" });
    const wrong = await request.post("/api/v1/tokens", { data: { email: nonprofit.email, password: "nope" } });
    expect(wrong.status()).toBe(401);
    expect((await wrong.json()).error).toMatchObject({ code: "invalid_credentials", message: expect.any(String) });

    const invalid = await request.post("/api/v1/tokens", { data: { email: "not-an-address" } });
    expect(invalid.status()).toBe(422);
    const invalidBody = await invalid.json();
    expect(Object.keys(invalidBody.error.fields)).toEqual(expect.arrayContaining(["email", "password"]));

    const anonymous = await request.get("/api/v1/me");
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthorized");

    const unknownToken = await request.get("/api/v1/me", { headers: { Authorization: "Bearer ctk_made_up" } });
    expect(unknownToken.status()).toBe(401);

    const unknownPath = await request.get("/api/v1/nothing-here");
    expect(unknownPath.status()).toBe(404);
    expect((await unknownPath.json()).error.code).toBe("not_found");
  });

  test("serves its OpenAPI document", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v1/tokens", "/api/v1/me"]));
  });
});

test("a token created and revoked on the profile page", async ({ page, request, newAccount }) => {
  const technician = await newAccount("technician");
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(technician.email);
  await page.getByLabel("Wachtwoord").fill("circuit-demo");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Profiel" }).click();
  await expect(page.getByLabel("Geldig gedurende")).toHaveValue("90");
  await page.getByLabel("Naam voor een nieuw token").fill("Inventarisscript");
  await page.getByLabel("Geldig gedurende").selectOption({ label: "30 dagen" });
  await page.getByRole("button", { name: "Token aanmaken" }).click();
  const token = await page.getByLabel("Nieuw API-token").inputValue();
  expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);
  await expect(page.getByRole("listitem").filter({ hasText: "Inventarisscript" })).toContainText(`verloopt ${dutchDate(Date.now() + 30 * day)}`);
  await expectAccessible(page);

  // Other tests create API tokens for the same account meanwhile: open this token's own confirmation.
  await page.getByRole("listitem").filter({ hasText: "Inventarisscript" }).getByText("Intrekken…").click();
  await page.getByRole("button", { name: "„Inventarisscript” intrekken" }).click();
  await expect(page.getByText("Het API-token is ingetrokken.")).toBeVisible();
  expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test("signing out everywhere revokes the API tokens too when asked", async ({ page, request, signedInAs }) => {
  const technician = await signedInAs("technician");
  const created = await request.post("/api/v1/tokens", { data: { email: technician.email, password: technician.password } });
  const headers = { Authorization: `Bearer ${(await created.json()).token}` };

  await page.goto("/profile");
  await page.getByRole("button", { name: "Overal afmelden" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Without the box ticked, scripts keep working.
  expect((await request.get("/api/v1/me", { headers })).status()).toBe(200);

  await signIn(page, technician);
  await page.goto("/profile");
  await page.getByLabel("Trek ook al mijn API-tokens in").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Overal afmelden" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await request.get("/api/v1/me", { headers })).status()).toBe(401);
});
