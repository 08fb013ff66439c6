// Shared Playwright fixtures: a fresh account of its own for each test that changes data, signing in
// without the form (fast), an accessibility check, and unique names so that parallel tests never
// share data. The demo accounts stay for read-only checks of the demo data.
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { createAccount, DEMO_PASSWORD, type Account, type AccountOptions } from "./accounts";
import type { Role } from "../../app/domain/organizations";

export { DEMO_PASSWORD, type Account, type AccountOptions };
export { unique } from "./unique";

export const demoUsers = {
  coordinator: "coordinator@demo.city",
  department: "department@demo.city",
  tech1: "tech1@demo.city",
  tech2: "tech2@demo.city",
  school: "school@demo.school",
  nonprofit: "nonprofit@demo.org",
  employee: "employee@demo.city",
  pendingSchool: "pending@demo.school",
} as const;

/** Signs in through the login action itself, without filling in the form: as a fresh account, or a demo account by address. */
export async function signIn(page: Page, who: Account | string, password = DEMO_PASSWORD): Promise<void> {
  const [email, secret] = typeof who === "string" ? [who, password] : [who.email, who.password];
  const response = await page.request.post("/login", { form: { email, password: secret, redirectTo: "/" }, maxRedirects: 0 });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
}

/** The axe rule sets every page is held to: WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 adds target size, 2.5.8). */
export const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Zero violations of the WCAG 2.2 A and AA rules on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

type AccountFixtures = {
  /** A fresh account of this role for this test alone (see e2e/support/accounts.ts for its organization). */
  newAccount: (role: Role, options?: AccountOptions) => Promise<Account>;
  /** A fresh account of this role, with the test's `page` signed in as it. */
  signedInAs: (role: Role, options?: AccountOptions) => Promise<Account>;
};

export const test = base.extend<AccountFixtures>({
  // Playwright reads the fixtures a fixture needs from its first parameter; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  newAccount: async ({}, provide) => {
    await provide(createAccount);
  },
  signedInAs: async ({ page }, provide) => {
    await provide(async (role, options) => {
      const account = await createAccount(role, options);
      await signIn(page, account);
      return account;
    });
  },
});
export { expect };
