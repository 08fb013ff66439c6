import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { signInDeviceThrottles, signInThrottles } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";
import { hashPassword } from "~/auth/password.server";
import { FAILURE_WINDOW_MS, LOCK_DURATION_MS, LOCKOUT_THRESHOLD } from "~/domain/lockout";
import { insertOrganization } from "./organization.server";
import { attemptSignIn } from "./sign-in.server";
import { insertUser } from "./user.server";

const password = "correct horse battery staple";
const minute = 60_000;
const start = Date.UTC(2026, 10, 30, 9, 0, 0);

let passwordHash: string;
let organizationId: number;

beforeAll(async () => {
  passwordHash = await hashPassword(password);
  organizationId = insertOrganization({ name: "Sign-in department", kind: "department", status: "approved" });
});

/** A fresh account per test, so that no test shares a throttle with another. */
function newAccount(): { userId: string; email: string } {
  const email = `${randomUUID()}@demo.city`;
  const userId = insertUser({ email, name: "Sign-in Tester", role: "department", organizationId, passwordHash });
  return { userId, email };
}

function throttleRow(email: string) {
  return db.select().from(signInThrottles).where(eq(signInThrottles.email, email)).get();
}

/** Fails `count` times, one minute apart from `from`; returns the time of the last failure. */
async function failRepeatedly(email: string, count: number, from: number): Promise<number> {
  let at = from;
  for (let attempt = 0; attempt < count; attempt++) {
    at = from + attempt * minute;
    expect(await attemptSignIn(email, `wrong password ${attempt}`, at)).toEqual({ kind: "invalid" });
  }
  return at;
}

describe("attemptSignIn", () => {
  test("the right password signs in", async () => {
    const { userId, email } = newAccount();
    expect(await attemptSignIn(email, password, start)).toEqual({ kind: "signed-in", userId });
    expect(throttleRow(email)).toBeUndefined();
  });

  test("the address is compared case- and space-insensitively", async () => {
    const { userId, email } = newAccount();
    expect(await attemptSignIn(`  ${email.toUpperCase()} `, password, start)).toEqual({ kind: "signed-in", userId });
  });

  test("a wrong password is refused and counted", async () => {
    const { email } = newAccount();
    expect(await attemptSignIn(email, "not the password", start)).toEqual({ kind: "invalid" });
    const row = throttleRow(email);
    expect(JSON.parse(row?.recentFailures ?? "null")).toEqual([start]);
    expect(row?.lockedUntil).toBeNull();
  });

  test("nine failures do not lock", async () => {
    const { userId, email } = newAccount();
    const ninth = await failRepeatedly(email, LOCKOUT_THRESHOLD - 1, start);
    expect(await attemptSignIn(email, password, ninth + minute)).toEqual({ kind: "signed-in", userId });
  });

  test("ten failures within 15 minutes lock: the 11th attempt is refused even with the right password", async () => {
    const { email } = newAccount();
    const tenth = await failRepeatedly(email, LOCKOUT_THRESHOLD, start);
    expect(tenth - start).toBeLessThan(FAILURE_WINDOW_MS);

    const eleventh = await attemptSignIn(email, password, tenth + minute);

    expect(eleventh).toEqual({ kind: "locked", lockedUntil: tenth + LOCK_DURATION_MS });
  });

  test("attempts during a lock do not extend it", async () => {
    const { email } = newAccount();
    const tenth = await failRepeatedly(email, LOCKOUT_THRESHOLD, start);
    const lockedUntil = tenth + LOCK_DURATION_MS;
    for (const at of [tenth + minute, tenth + 5 * minute, lockedUntil - 1]) {
      expect(await attemptSignIn(email, "still guessing", at)).toEqual({ kind: "locked", lockedUntil });
    }
    expect(throttleRow(email)?.lockedUntil?.getTime()).toBe(lockedUntil);
  });

  test("the lock lives in the sign_in_throttles table and survives a restart", async () => {
    const { email } = newAccount();
    const tenth = await failRepeatedly(email, LOCKOUT_THRESHOLD, start);
    const lockedUntil = tenth + LOCK_DURATION_MS;

    const row = throttleRow(email);
    expect(row?.lockedUntil?.getTime()).toBe(lockedUntil);

    // A restart: the module is loaded afresh, so only what is in the database remains.
    vi.resetModules();
    const restarted = await import("./sign-in.server");
    expect(restarted.attemptSignIn).not.toBe(attemptSignIn);
    expect(await restarted.attemptSignIn(email, password, tenth + 2 * minute)).toEqual({ kind: "locked", lockedUntil });
  });

  test("the lock state is read from the database only", async () => {
    const { userId, email } = newAccount();
    const lockedUntil = start + 10 * minute;
    // As a previous process would have left it.
    db.insert(signInThrottles)
      .values({ email, recentFailures: "[]", lockedUntil: new Date(lockedUntil) })
      .run();
    expect(await attemptSignIn(email, password, start)).toEqual({ kind: "locked", lockedUntil });

    // And with the row gone, nothing in memory keeps the account locked.
    db.delete(signInThrottles).where(eq(signInThrottles.email, email)).run();
    expect(await attemptSignIn(email, password, start)).toEqual({ kind: "signed-in", userId });
  });

  test("after 15 minutes the lock ends and the right password signs in", async () => {
    const { userId, email } = newAccount();
    const tenth = await failRepeatedly(email, LOCKOUT_THRESHOLD, start);
    const lockedUntil = tenth + LOCK_DURATION_MS;

    expect(await attemptSignIn(email, password, lockedUntil - 1)).toEqual({ kind: "locked", lockedUntil });
    expect(await attemptSignIn(email, password, lockedUntil)).toEqual({ kind: "signed-in", userId });
    expect(throttleRow(email)).toBeUndefined();
  });

  test("after a lock ends, one wrong password does not lock again at once", async () => {
    const { email } = newAccount();
    const tenth = await failRepeatedly(email, LOCKOUT_THRESHOLD, start);
    const lockedUntil = tenth + LOCK_DURATION_MS;

    expect(await attemptSignIn(email, "wrong again", lockedUntil)).toEqual({ kind: "invalid" });
    expect(await attemptSignIn(email, "and again", lockedUntil + minute)).toEqual({ kind: "invalid" });
  });

  test("failures older than 15 minutes do not count towards a lock", async () => {
    const { userId, email } = newAccount();
    await failRepeatedly(email, LOCKOUT_THRESHOLD - 1, start);
    // The first failure has left the window by the time of the tenth.
    const tenth = start + FAILURE_WINDOW_MS;
    expect(await attemptSignIn(email, "wrong once more", tenth)).toEqual({ kind: "invalid" });
    expect(await attemptSignIn(email, password, tenth + 1)).toEqual({ kind: "signed-in", userId });
  });

  test("unknown addresses are locked after ten attempts too, so the lock reveals no accounts", async () => {
    const unknownEmail = `${randomUUID()}@demo.city`;
    const { email: knownEmail } = newAccount();

    const tenthUnknown = await failRepeatedly(unknownEmail, LOCKOUT_THRESHOLD, start);
    const tenthKnown = await failRepeatedly(knownEmail, LOCKOUT_THRESHOLD, start);

    const unknownOutcome = await attemptSignIn(unknownEmail, password, tenthUnknown + minute);
    const knownOutcome = await attemptSignIn(knownEmail, password, tenthKnown + minute);
    expect(unknownOutcome).toEqual({ kind: "locked", lockedUntil: tenthUnknown + LOCK_DURATION_MS });
    expect(unknownOutcome).toEqual(knownOutcome);
    expect(throttleRow(unknownEmail)?.lockedUntil?.getTime()).toBe(tenthUnknown + LOCK_DURATION_MS);
  });

  test("one lock covers every spelling of an address", async () => {
    const { email } = newAccount();
    const tenth = await failRepeatedly(email.toUpperCase(), LOCKOUT_THRESHOLD, start);
    expect(throttleRow(email)?.lockedUntil?.getTime()).toBe(tenth + LOCK_DURATION_MS);
    expect((await attemptSignIn(` ${email} `, password, tenth + minute)).kind).toBe("locked");
  });

  test("a successful sign-in clears the failures", async () => {
    const { userId, email } = newAccount();
    const ninth = await failRepeatedly(email, LOCKOUT_THRESHOLD - 1, start);
    expect(JSON.parse(throttleRow(email)?.recentFailures ?? "[]")).toHaveLength(LOCKOUT_THRESHOLD - 1);

    expect(await attemptSignIn(email, password, ninth + minute)).toEqual({ kind: "signed-in", userId });
    expect(throttleRow(email)).toBeUndefined();

    // Had the nine failures been kept, this one would lock.
    const afterwards = ninth + 2 * minute;
    expect(await attemptSignIn(email, "wrong again", afterwards)).toEqual({ kind: "invalid" });
    expect(JSON.parse(throttleRow(email)?.recentFailures ?? "null")).toEqual([afterwards]);
    expect(throttleRow(email)?.lockedUntil).toBeNull();
  });

  // Each attempt is counted before the slow password hash, so guesses sent at the same moment cannot
  // all pass the lock check.
  test("parallel attempts cannot get past the limit of ten guesses", async () => {
    const { email } = newAccount();
    const outcomes = await Promise.all(Array.from({ length: 2 * LOCKOUT_THRESHOLD }, (_, attempt) => attemptSignIn(email, `parallel guess ${attempt}`, start)));
    const checked = outcomes.filter((outcome) => outcome.kind === "invalid").length;
    expect(checked).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
  });
});

describe("attemptSignIn with a device cookie (a browser that signed in to the account before)", () => {
  const deviceOf = () => ({ nonce: randomUUID() });
  const deviceRow = (nonce: string) =>
    db
      .select()
      .from(signInDeviceThrottles)
      .where(eq(signInDeviceThrottles.nonceHash, sha256Hex(nonce)))
      .get();

  test("signs in with the right password while strangers have locked the address, and leaves the strangers' lock in place", async () => {
    const { userId, email } = newAccount();
    const device = deviceOf();
    const tenth = await failRepeatedly(email, LOCKOUT_THRESHOLD, start);
    expect(await attemptSignIn(email, password, tenth + minute)).toEqual({ kind: "locked", lockedUntil: tenth + LOCK_DURATION_MS });
    expect(await attemptSignIn(email, password, tenth + minute, device)).toEqual({ kind: "signed-in", userId });
    expect(throttleRow(email)?.lockedUntil?.getTime()).toBe(tenth + LOCK_DURATION_MS);
    expect(await attemptSignIn(email, password, tenth + 2 * minute)).toEqual({ kind: "locked", lockedUntil: tenth + LOCK_DURATION_MS });
  });

  test("its failures count against the cookie, not the address, keyed by the nonce's hash", async () => {
    const { email } = newAccount();
    const device = deviceOf();
    expect(await attemptSignIn(email, "wrong", start, device)).toEqual({ kind: "invalid" });
    expect(throttleRow(email)).toBeUndefined();
    expect(deviceRow(device.nonce)).toEqual(expect.objectContaining({ email, recentFailures: JSON.stringify([start]), lockedUntil: null }));
    expect(JSON.stringify(db.select().from(signInDeviceThrottles).all())).not.toContain(device.nonce);
  });

  test("ten failures lock the cookie; a locked cookie is a stranger again, locked out too while the address is locked", async () => {
    const { userId, email } = newAccount();
    const device = deviceOf();
    const strangersTenth = await failRepeatedly(email, LOCKOUT_THRESHOLD, start);
    let at = strangersTenth;
    for (let attempt = 0; attempt < LOCKOUT_THRESHOLD; attempt++) {
      at = strangersTenth + (attempt + 1) * 1000;
      expect(await attemptSignIn(email, `owner mistypes ${attempt}`, at, device)).toEqual({ kind: "invalid" });
    }
    expect(deviceRow(device.nonce)?.lockedUntil?.getTime()).toBe(at + LOCK_DURATION_MS);
    expect(await attemptSignIn(email, password, at + 1000, device)).toEqual({ kind: "locked", lockedUntil: strangersTenth + LOCK_DURATION_MS });
    // Another browser of the owner's, with a cookie of its own, still signs in.
    expect(await attemptSignIn(email, password, at + 1000, deviceOf())).toEqual({ kind: "signed-in", userId });
  });

  test("a locked cookie on an address nobody locked counts its failures against the address, as a stranger's would", async () => {
    const { email } = newAccount();
    const device = deviceOf();
    for (let attempt = 0; attempt < LOCKOUT_THRESHOLD; attempt++) await attemptSignIn(email, `wrong ${attempt}`, start + attempt, device);
    expect(throttleRow(email)).toBeUndefined();
    expect(await attemptSignIn(email, "wrong again", start + minute, device)).toEqual({ kind: "invalid" });
    expect(JSON.parse(throttleRow(email)?.recentFailures ?? "null")).toEqual([start + minute]);
  });

  test("a success with the cookie clears the cookie's failures", async () => {
    const { userId, email } = newAccount();
    const device = deviceOf();
    for (let attempt = 0; attempt < LOCKOUT_THRESHOLD - 1; attempt++) await attemptSignIn(email, `wrong ${attempt}`, start + attempt, device);
    expect(await attemptSignIn(email, password, start + minute, device)).toEqual({ kind: "signed-in", userId });
    expect(deviceRow(device.nonce)).toBeUndefined();
  });

  test("an account whose address is not confirmed does not sign in, with the cookie or without", async () => {
    const email = `${randomUUID()}@demo.city`;
    insertUser({ email, name: "Not yet", role: "employee", organizationId, passwordHash, activatedAt: null });
    expect(await attemptSignIn(email, password, start)).toEqual({ kind: "invalid" });
    expect(await attemptSignIn(email, password, start, deviceOf())).toEqual({ kind: "invalid" });
  });
});
