import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { apiTokens, sessions, users } from "~db/schema";
import { db } from "~/db.server";
import { hashPassword } from "~/auth/password.server";
import { sessionUserId } from "~/auth/session.server";
import type { UserActor } from "~/domain/lifecycle";
import { userIdForApiToken } from "~/models/api-token.server";
import { listNotifications } from "~/models/notification.server";
import { attemptSignIn } from "~/models/sign-in.server";
import { getSessionUser, insertUser } from "~/models/user.server";
import { commandValue, createActor, createOrganization, lifecycleCast } from "~/test/factories";
import { signedInRequest } from "~/test/requests";
import { createApiToken } from "../tokens/create-api-token.server";
import { deactivateUser } from "./deactivate-user.server";
import { reactivateUser } from "./reactivate-user.server";

const password = "a long enough password";
let passwordHash: string;
let coordinator: UserActor;
let otherCoordinator: UserActor;

beforeAll(async () => {
  passwordHash = await hashPassword(password);
  coordinator = lifecycleCast().coordinator;
  otherCoordinator = createActor("coordinator", lifecycleCast().itServiceId);
});

/** A department member who can sign in with `password`. */
function person(): UserActor & { email: string } {
  const organizationId = createOrganization("department");
  const email = `${randomUUID()}@demo.city`;
  const userId = insertUser({ email, name: "Leaving Person", role: "department", organizationId, passwordHash });
  return { kind: "user", userId, role: "department", organizationId, organizationStatus: "approved", email };
}

describe("deactivateUser", () => {
  test("ends every session and API token at once, and the account no longer signs in", async () => {
    const leaving = person();
    const request = await signedInRequest(leaving, "http://circuit.test/");
    const token = commandValue(createApiToken(leaving, { label: "Scanner" })).token;
    expect(await sessionUserId(request)).toBe(leaving.userId);
    expect(userIdForApiToken(token)).toBe(leaving.userId);

    const result = deactivateUser(coordinator, { userId: leaving.userId, reason: "Left the city" });
    expect(result.ok).toBe(true);

    expect(db.select().from(sessions).where(eq(sessions.userId, leaving.userId)).all()).toEqual([]);
    expect(await sessionUserId(request)).toBeNull();
    expect(userIdForApiToken(token)).toBeNull();
    expect(db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.userId, leaving.userId)).get()?.revokedAt).not.toBeNull();
    expect(getSessionUser(leaving.userId)).toBeNull();
    const row = db.select().from(users).where(eq(users.id, leaving.userId)).get();
    expect(row?.deactivatedById).toBe(coordinator.userId);
  });

  test("sign-in: the right password hears 'deactivated', a wrong one the usual 'invalid'", async () => {
    const leaving = person();
    commandValue(deactivateUser(coordinator, { userId: leaving.userId }));
    expect(await attemptSignIn(leaving.email, password)).toEqual({ kind: "deactivated" });
    expect(await attemptSignIn(leaving.email, "not the password")).toEqual({ kind: "invalid" });
  });

  test("tells the other coordinators, with the reason", () => {
    const leaving = person();
    commandValue(deactivateUser(coordinator, { userId: leaving.userId, reason: "Moved to another city" }));
    const told = listNotifications(otherCoordinator.userId, 50).find(
      (notification) => notification.kind === "userDeactivated" && notification.values.name === "Leaving Person",
    );
    expect(told?.values.reason).toBe("Moved to another city");
    expect(listNotifications(coordinator.userId, 50).some((notification) => notification.kind === "userDeactivated")).toBe(false);
  });

  test("refuses the coordinator's own account, an unknown one and a second deactivation", () => {
    expect(deactivateUser(coordinator, { userId: coordinator.userId })).toEqual({ ok: false, reason: "own-account" });
    expect(getSessionUser(coordinator.userId)).not.toBeNull();
    expect(deactivateUser(coordinator, { userId: "no-such-user" })).toEqual({ ok: false, reason: "not-found", entity: "user" });
    const leaving = person();
    commandValue(deactivateUser(coordinator, { userId: leaving.userId }));
    expect(deactivateUser(otherCoordinator, { userId: leaving.userId })).toEqual({ ok: false, reason: "account-deactivated" });
  });

  test("refuses every role but the coordinator, and changes nothing", () => {
    const leaving = person();
    for (const role of ["department", "technician", "recipient", "employee"] as const) {
      expect(deactivateUser(createActor(role), { userId: leaving.userId })).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(getSessionUser(leaving.userId)).not.toBeNull();
  });
});

describe("reactivateUser", () => {
  test("lets the account sign in again; its old token stays revoked", async () => {
    const returning = person();
    const token = commandValue(createApiToken(returning, { label: "Old" })).token;
    commandValue(deactivateUser(coordinator, { userId: returning.userId }));
    expect(reactivateUser(coordinator, { userId: returning.userId })).toEqual({ ok: true, value: { userId: returning.userId, name: "Leaving Person" } });
    const outcome = await attemptSignIn(returning.email, password);
    expect(outcome).toEqual({ kind: "signed-in", userId: returning.userId });
    expect(userIdForApiToken(token)).toBeNull();
    expect(db.select({ at: users.lastSignInAt }).from(users).where(eq(users.id, returning.userId)).get()?.at).toBeInstanceOf(Date);
  });

  test("refuses an active account, and every role but the coordinator", () => {
    const active = person();
    expect(reactivateUser(coordinator, { userId: active.userId })).toEqual({ ok: false, reason: "account-active" });
    commandValue(deactivateUser(coordinator, { userId: active.userId }));
    expect(reactivateUser(createActor("technician"), { userId: active.userId })).toEqual({ ok: false, reason: "forbidden" });
    expect(getSessionUser(active.userId)).toBeNull();
  });
});

describe("last sign-in", () => {
  test("is set by each successful sign-in, not by a failed one", async () => {
    const someone = person();
    const lastSignIn = () => db.select({ at: users.lastSignInAt }).from(users).where(eq(users.id, someone.userId)).get()?.at ?? null;
    await attemptSignIn(someone.email, "wrong password");
    expect(lastSignIn()).toBeNull();
    const at = Date.UTC(2026, 11, 1, 9, 30);
    await attemptSignIn(someone.email, password, at);
    expect(lastSignIn()?.getTime()).toBe(at);
  });
});
