import { desc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { emailConfirmations, organizations, outboxEmails, users } from "~db/schema";
import { sha256Hex } from "~/auth/crypto.server";
import { db } from "~/db.server";
import { EMAIL_CONFIRMATION_VALIDITY_MS } from "~/domain/accounts";
import { attemptSignIn } from "~/models/sign-in.server";
import { insertUser } from "~/models/user.server";
import { createActor, createOrganization, nextNumber } from "~/test/factories";
import { registerOrganization } from "../organizations/register-organization.server";
import { confirmEmail } from "./confirm-email.server";
import { setLanguage } from "./set-language.server";
import { signUpEmployee } from "./sign-up-employee.server";

const password = "correct horse battery";
const origin = "https://circuit.example";
const start = Date.UTC(2026, 10, 30, 9, 0, 0);
const hour = 60 * 60 * 1000;

function localeOf(userId: string) {
  return db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get()?.locale;
}

function accountAt(email: string) {
  return db.select().from(users).where(eq(users.email, email)).get();
}

function mailsTo(email: string) {
  return db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email)).orderBy(desc(outboxEmails.id)).all();
}

/** The token of the newest activation link sent to the address, read from the e-mail as its reader would. */
function linkTokenSentTo(email: string): string {
  const mail = mailsTo(email).find((candidate) => candidate.body.includes("/confirm-email/"));
  const token = mail?.body.match(/\/confirm-email\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`No activation link was sent to ${email}`);
  return token;
}

function employeeInput(email: string, overrides: Partial<Parameters<typeof signUpEmployee>[0]> = {}) {
  return { name: "Eva", email, departmentId: createOrganization("department"), password, ...overrides };
}

function registrationInput(email: string, organizationName = `School ${nextNumber()}`) {
  return { organizationName, kind: "school" as const, description: null, memberName: "Mo", email, password };
}

describe("signUpEmployee", () => {
  test("opens an inactive account and sends a single-use link, in the person's language, stored only as its hash", async () => {
    const email = `eva-${nextNumber()}@demo.city`;
    const result = await signUpEmployee(employeeInput(email.toUpperCase()), { origin, language: "en", now: start });
    expect(result).toEqual({ ok: true, value: { outcome: "link-sent", userId: expect.any(String) } });
    const account = accountAt(email);
    expect(account?.role).toBe("employee");
    expect(account?.activatedAt).toBeNull();

    const [mail, ...others] = mailsTo(email);
    expect(others).toEqual([]);
    expect(mail?.subject).toBe("Activate your Circuit account");
    expect(mail?.language).toBe("en");
    const token = linkTokenSentTo(email);
    expect(mail?.body).toContain(`${origin}/confirm-email/${token}`);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = db.select().from(emailConfirmations).where(eq(emailConfirmations.userId, account!.id)).all();
    expect(stored).toEqual([expect.objectContaining({ tokenHash: sha256Hex(token), usedAt: null })]);
    expect(stored[0]!.expiresAt.getTime() - start).toBe(EMAIL_CONFIRMATION_VALIDITY_MS);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  test("refuses an address outside the city's domain and an unknown department, whether or not the address has an account", async () => {
    expect(await signUpEmployee(employeeInput("x@elsewhere.example"), { origin, language: "nl" })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { email: ["errors.notCityEmail"] },
    });
    const takenEmail = `taken-${nextNumber()}@demo.city`;
    insertUser({ email: takenEmail, name: "Taken", role: "employee", organizationId: createOrganization("department"), passwordHash: "not-a-hash" });
    const school = createOrganization("school");
    for (const email of [takenEmail, `free-${nextNumber()}@demo.city`]) {
      expect(await signUpEmployee(employeeInput(email, { departmentId: school }), { origin, language: "nl" })).toEqual({
        ok: false,
        reason: "invalid-input",
        fields: { departmentId: ["errors.choose"] },
      });
    }
  });

  test("an address with an active account gets no second account: its owner is told by e-mail, in their own language", async () => {
    const email = `owner-${nextNumber()}@demo.city`;
    expect((await signUpEmployee(employeeInput(email), { origin, language: "nl" })).ok).toBe(true);
    const owner = accountAt(email)!;
    expect(confirmEmail({ token: linkTokenSentTo(email) }).ok).toBe(true);
    db.update(users).set({ locale: "en" }).where(eq(users.id, owner.id)).run();

    const second = await signUpEmployee(employeeInput(` ${email.toUpperCase()} `, { name: "Intruder", password: "another strong password" }), {
      origin,
      language: "nl",
    });
    expect(second).toEqual({ ok: true, value: { outcome: "owner-told" } });
    expect(db.select().from(users).where(eq(users.email, email)).all()).toEqual([
      expect.objectContaining({ id: owner.id, name: "Eva", passwordHash: owner.passwordHash }),
    ]);
    expect(db.select().from(emailConfirmations).where(eq(emailConfirmations.userId, owner.id)).all()).toHaveLength(1);
    const [warning] = mailsTo(email);
    expect(warning?.subject).toBe("Someone tried to sign up with your address");
    expect(warning?.body).toContain(email);
    expect(warning?.body).toContain(`${origin}/login`);
    expect(warning?.body).not.toContain("/confirm-email/");
  });

  test("an account that was never activated does not hold its address: a new sign-up replaces it, and only the new link works", async () => {
    const email = `again-${nextNumber()}@demo.city`;
    await signUpEmployee(employeeInput(email, { name: "First" }), { origin, language: "nl" });
    const firstToken = linkTokenSentTo(email);
    const second = await signUpEmployee(employeeInput(email, { name: "Second" }), { origin, language: "nl" });
    expect(second.ok && second.value.outcome).toBe("link-sent");
    expect(db.select({ name: users.name }).from(users).where(eq(users.email, email)).all()).toEqual([{ name: "Second" }]);
    expect(confirmEmail({ token: firstToken })).toEqual({ ok: false, reason: "not-found", entity: "confirmation" });
    expect(confirmEmail({ token: linkTokenSentTo(email) }).ok).toBe(true);
  });
});

describe("registerOrganization", () => {
  test("registers a pending school with an inactive first member and sends the member a link", async () => {
    const email = `m-${nextNumber()}@s.example`;
    const result = await registerOrganization(registrationInput(email), { origin, language: "nl", now: start });
    expect(result).toEqual({ ok: true, value: { outcome: "link-sent", userId: expect.any(String), organizationId: expect.any(Number) } });
    if (!result.ok || result.value.outcome !== "link-sent") return;
    expect(db.select({ status: organizations.status }).from(organizations).where(eq(organizations.id, result.value.organizationId)).get()?.status).toBe(
      "pending",
    );
    expect(accountAt(email)).toEqual(expect.objectContaining({ role: "recipient", activatedAt: null }));
    expect(mailsTo(email)[0]?.subject).toBe("Activeer uw Circuit-account");
  });

  test("a taken name is refused alike whether or not the address has an account, and nothing is written", async () => {
    const name = `School ${nextNumber()}`;
    const first = `first-${nextNumber()}@s.example`;
    expect((await registerOrganization(registrationInput(first, name), { origin, language: "nl" })).ok).toBe(true);
    const active = createActor("recipient");
    const activeEmail = db.select({ email: users.email }).from(users).where(eq(users.id, active.userId)).get()!.email;
    const freeEmail = `n-${nextNumber()}@s.example`;
    for (const email of [freeEmail, activeEmail]) {
      expect(await registerOrganization(registrationInput(email, name), { origin, language: "nl" })).toEqual({
        ok: false,
        reason: "invalid-input",
        fields: { organizationName: ["errors.organizationTaken"] },
      });
    }
    expect(accountAt(freeEmail)).toBeUndefined();
    expect(mailsTo(activeEmail)).toEqual([]);
  });

  test("an address with an active account registers nothing and its owner is told", async () => {
    const owner = createActor("employee");
    const email = db.select({ email: users.email }).from(users).where(eq(users.id, owner.userId)).get()!.email;
    const name = `School ${nextNumber()}`;
    expect(await registerOrganization(registrationInput(email, name), { origin, language: "en" })).toEqual({ ok: true, value: { outcome: "owner-told" } });
    expect(db.select().from(organizations).where(eq(organizations.name, name)).get()).toBeUndefined();
    expect(mailsTo(email).map((mail) => mail.subject)).toEqual(["Someone tried to sign up with your address"]);
  });

  test("a new registration with the address of a never-activated member replaces that member and their empty pending organization", async () => {
    const email = `twice-${nextNumber()}@s.example`;
    const firstName = `School ${nextNumber()}`;
    const first = await registerOrganization(registrationInput(email, firstName), { origin, language: "nl" });
    const second = await registerOrganization(registrationInput(email), { origin, language: "nl" });
    expect(first.ok && second.ok && first.value.outcome === "link-sent" && second.value.outcome === "link-sent").toBe(true);
    expect(db.select().from(organizations).where(eq(organizations.name, firstName)).get()).toBeUndefined();
    expect(db.select().from(users).where(eq(users.email, email)).all()).toHaveLength(1);
  });
});

describe("confirmEmail", () => {
  async function signedUp(now = start): Promise<{ email: string; token: string; userId: string }> {
    const email = `confirm-${nextNumber()}@demo.city`;
    const result = await signUpEmployee(employeeInput(email), { origin, language: "nl", now });
    if (!result.ok || result.value.outcome !== "link-sent") throw new Error("sign-up failed");
    return { email, token: linkTokenSentTo(email), userId: result.value.userId };
  }

  test("activates the account once: the link is used up, and the account can sign in only from then on", async () => {
    const { email, token, userId } = await signedUp();
    expect(await attemptSignIn(email, password, start + hour)).toEqual({ kind: "invalid" });
    expect(confirmEmail({ token }, { now: start + hour })).toEqual({ ok: true, value: { userId } });
    expect(accountAt(email)?.activatedAt?.getTime()).toBe(start + hour);
    expect(db.select().from(emailConfirmations).where(eq(emailConfirmations.userId, userId)).get()?.usedAt?.getTime()).toBe(start + hour);
    expect(await attemptSignIn(email, password, start + 2 * hour)).toEqual({ kind: "signed-in", userId });
    expect(confirmEmail({ token }, { now: start + 2 * hour })).toEqual({ ok: false, reason: "confirmation-unusable", state: "used" });
  });

  test("the link expires after 24 hours", async () => {
    const { email, token } = await signedUp();
    expect(confirmEmail({ token }, { now: start + EMAIL_CONFIRMATION_VALIDITY_MS })).toEqual({ ok: false, reason: "confirmation-unusable", state: "expired" });
    expect(accountAt(email)?.activatedAt).toBeNull();
    expect(confirmEmail({ token }, { now: start + EMAIL_CONFIRMATION_VALIDITY_MS - 1 }).ok).toBe(true);
  });

  test("an unknown token is not found, and a token's hash is no token", async () => {
    const { token } = await signedUp();
    expect(confirmEmail({ token: "made-up-token" })).toEqual({ ok: false, reason: "not-found", entity: "confirmation" });
    expect(confirmEmail({ token: sha256Hex(token) })).toEqual({ ok: false, reason: "not-found", entity: "confirmation" });
  });

  test("a right password for an account not yet activated gets the same answer as a wrong one", async () => {
    const { email } = await signedUp();
    expect(await attemptSignIn(email, password, start)).toEqual(await attemptSignIn(email, "not the password", start));
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
