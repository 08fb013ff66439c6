import { demoUsers, expect, expectAccessible, signIn, test } from "./support/fixtures";

const coordinatorNavigation = [
  "Start",
  "Toestellen",
  "Aanbod",
  "Aanvragen",
  "Koppelen",
  "Organisaties",
  "Recycleerders",
  "Impact",
  "Uitnodigingen",
  "Gebruikers",
  "Postvak",
  "Profiel",
];
const staffNavigation = ["Start", "Toestellen", "Profiel"];
const departmentNavigation = ["Start", "Toestellen", "Impact", "Profiel"];
const requesterNavigation = ["Start", "Aanbod", "Aanvragen", "Profiel"];

const expectations = [
  { email: demoUsers.coordinator, role: "Hergebruikcoördinator", navigation: coordinatorNavigation },
  { email: demoUsers.department, role: "Medewerker dienst", navigation: departmentNavigation },
  { email: demoUsers.tech1, role: "Technicus", navigation: staffNavigation },
  { email: demoUsers.tech2, role: "Technicus", navigation: staffNavigation },
  { email: demoUsers.school, role: "Lid school of vzw", navigation: requesterNavigation },
  { email: demoUsers.nonprofit, role: "Lid school of vzw", navigation: requesterNavigation },
  { email: demoUsers.employee, role: "Stadsmedewerker", navigation: requesterNavigation },
];

test.describe("each demo user sees the navigation of their role", () => {
  for (const { email, role, navigation } of expectations) {
    test(email, async ({ page }) => {
      await signIn(page, email);
      await page.goto("/");
      await expect(page.getByRole("banner")).toContainText(role);
      const links = page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link");
      await expect(links).toHaveText(navigation);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Welkom");
      await expectAccessible(page);
    });
  }
});

test("signing in with the form, and signing out", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill(demoUsers.department);
  await page.getByLabel("Wachtwoord").fill("circuit-demo");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welkom, Tom Peeters" })).toBeVisible();

  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Aanmelden" })).toBeVisible();
  const profile = await page.goto("/profile");
  expect(profile?.url()).toContain("/login?redirectTo=%2Fprofile");
});

test("a wrong password is answered with a message, not a page error; the right one then signs in with one click", async ({ page, newAccount }) => {
  // A wrong password counts towards the account's lockout: an account of this test's own.
  const employee = await newAccount("employee");
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(employee.email);
  await page.getByLabel("Wachtwoord").fill("not the password");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  // Signing in hashes the password (argon2id): seconds on a busy machine.
  await expect(page.getByRole("alert")).toHaveText("Het e-mailadres of het wachtwoord klopt niet.", { timeout: 20_000 });
  await expectAccessible(page);
  // The message must not move the button away under the click (it did when it cleared as the field lost focus).
  await page.getByLabel("Wachtwoord").fill(employee.password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${employee.name}` })).toBeVisible({ timeout: 20_000 });
});

test("a member of a school awaiting approval sees that, and nothing more", async ({ page }) => {
  await signIn(page, demoUsers.pendingSchool);
  await page.goto("/");
  // The page's live region is a status too (empty here): the notice is the one that says it.
  await expect(page.getByRole("status").filter({ hasText: "Atheneum Zuid wacht op goedkeuring" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" })).toHaveCount(0);
  const profile = await page.goto("/profile");
  expect(profile?.status()).toBe(403);
  // What it may do once approved is refused for that reason, not because of its role.
  await expect(page.getByRole("heading", { level: 1, name: "Uw organisatie wacht op goedkeuring" })).toBeVisible();
  await expectAccessible(page);
});

test("pages of another role are refused with 403", async ({ page }) => {
  await signIn(page, demoUsers.employee);
  for (const path of ["/organizations", "/recyclers", "/invites", "/mailbox"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await expect(page.getByRole("heading", { level: 1, name: "Niet toegestaan" })).toBeVisible();
});
