import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { users } from "~db/schema";
import { db } from "~/db.server";
import { createActor, createOrganization, nextNumber } from "~/test/factories";
import { registerOrganization } from "../organizations/register-organization.server";
import { setLanguage } from "./set-language.server";
import { signUpEmployee } from "./sign-up-employee.server";

const password = "correct horse battery";

function localeOf(userId: string) {
  return db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get()?.locale;
}

describe("signUpEmployee", () => {
  test("opens an employee account in an approved department", async () => {
    const departmentId = createOrganization("department");
    const result = await signUpEmployee({ name: "Eva", email: `eva-${nextNumber()}@demo.city`, departmentId, password });
    expect(result.ok).toBe(true);
  });

  test("refuses an address outside the city's domain, an unknown department and a taken address", async () => {
    const departmentId = createOrganization("department");
    const school = createOrganization("school");
    expect(await signUpEmployee({ name: "X", email: "x@elsewhere.example", departmentId, password })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { email: ["errors.notCityEmail"] },
    });
    const email = `twice-${nextNumber()}@demo.city`;
    expect((await signUpEmployee({ name: "A", email, departmentId, password })).ok).toBe(true);
    expect(await signUpEmployee({ name: "B", email: email.toUpperCase(), departmentId: school, password })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { departmentId: ["errors.choose"], email: ["errors.emailTaken"] },
    });
  });
});

describe("registerOrganization", () => {
  test("registers a pending school with its first member, or refuses a taken name without writing anything", async () => {
    const name = `School ${nextNumber()}`;
    const first = await registerOrganization({
      organizationName: name,
      kind: "school",
      description: null,
      memberName: "M",
      email: `m-${nextNumber()}@s.example`,
      password,
    });
    expect(first.ok).toBe(true);
    const email = `n-${nextNumber()}@s.example`;
    const second = await registerOrganization({ organizationName: name, kind: "nonprofit", description: null, memberName: "N", email, password });
    expect(second).toEqual({ ok: false, reason: "invalid-input", fields: { organizationName: ["errors.organizationTaken"] } });
    expect(db.select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
  });
});

describe("setLanguage", () => {
  test("remembers the language on an approved member's account, not on a pending one's", () => {
    const member = createActor("employee");
    expect(setLanguage(member, { language: "en" }).ok).toBe(true);
    expect(localeOf(member.userId)).toBe("en");
    const pending = createActor("recipient", createOrganization("school", "pending"), "pending");
    expect(setLanguage(pending, { language: "en" })).toEqual({ ok: false, reason: "forbidden" });
    expect(localeOf(pending.userId)).toBeNull();
  });
});
