// Shared Playwright fixtures: signing in without the form (fast), an accessibility check, and
// unique names so that parallel tests never share data.
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "circuit-demo";

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

let counter = 0;
/** A value no other test uses, such as an e-mail address or an organization name. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}`;
}

/** Signs in through the login action itself, without filling in the form. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await page.request.post("/login", { form: { email, password, redirectTo: "/" }, maxRedirects: 0 });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
}

/** Zero violations of the WCAG 2.1 A and AA rules on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base;
export { expect };
