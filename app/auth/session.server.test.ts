import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { sessions } from "~db/schema";
import { db } from "~/db.server";
import { insertOrganization } from "~/models/organization.server";
import { insertUser } from "~/models/user.server";
import { sha256Hex } from "./crypto.server";
import { hashPassword } from "./password.server";
import { endAllSessionsOf, endSession, sessionCookieName, sessionUserId, startSession } from "./session.server";

let passwordHash: string;
let organizationId: number;

beforeAll(async () => {
  passwordHash = await hashPassword("correct horse battery staple");
  organizationId = insertOrganization({ name: "Sessions department", kind: "department", status: "approved" });
});

function newUser(): string {
  return insertUser({ email: `${randomUUID()}@demo.city`, name: "Session Tester", role: "department", organizationId, passwordHash });
}

/** The session id a Set-Cookie header hands to the browser. */
function cookieValue(setCookie: string): string {
  const [nameAndValue = ""] = setCookie.split(";");
  const [name, value] = nameAndValue.split("=");
  expect(name).toBe(sessionCookieName);
  if (value === undefined) throw new Error(`No cookie value in ${setCookie}`);
  return value;
}

function attributesOf(setCookie: string): string[] {
  return setCookie
    .split(";")
    .slice(1)
    .map((attribute) => attribute.trim().toLowerCase());
}

function requestWithSession(sessionId: string, url = "http://localhost/"): Request {
  return new Request(url, { headers: { Cookie: `${sessionCookieName}=${sessionId}` } });
}

function sessionRowsOf(userId: string) {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).all();
}

describe("the session cookie", () => {
  test("is HttpOnly and SameSite=Lax, and not Secure over plain http", async () => {
    const setCookie = await startSession(newUser(), new Request("http://localhost/login"));
    const attributes = attributesOf(setCookie);
    expect(sessionCookieName).toBe("circuit_session");
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");
    // A browser-session cookie: it ends when the browser closes (shared devices); the server ends
    // the session itself after 14 idle days.
    expect(attributes.some((attribute) => attribute.startsWith("max-age=") || attribute.startsWith("expires="))).toBe(false);
    expect(cookieValue(setCookie).length).toBeGreaterThanOrEqual(20);
  });

  test("is Secure when the request came over https", async () => {
    const setCookie = await startSession(newUser(), new Request("https://circuit.example/login"));
    const attributes = attributesOf(setCookie);
    expect(attributes).toContain("secure");
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
  });

  test("is different for every session", async () => {
    const userId = newUser();
    const first = cookieValue(await startSession(userId, new Request("http://localhost/")));
    const second = cookieValue(await startSession(userId, new Request("http://localhost/")));
    expect(first).not.toBe(second);
  });
});

describe("session storage", () => {
  test("the sessions table holds only the SHA-256 hash of the session id", async () => {
    const userId = newUser();
    const sessionId = cookieValue(await startSession(userId, new Request("http://localhost/")));

    const rows = sessionRowsOf(userId);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.idHash).toBe(sha256Hex(sessionId));
    expect(row?.idHash).toMatch(/^[0-9a-f]{64}$/);
    for (const column of Object.values(row ?? {})) {
      expect(String(column instanceof Date ? column.getTime() : column)).not.toContain(sessionId);
    }
    // Nowhere else in the table either.
    const everyStoredValue = db
      .select()
      .from(sessions)
      .all()
      .flatMap((stored) => [stored.idHash, stored.userId, String(stored.expiresAt.getTime())]);
    expect(everyStoredValue.some((value) => value.includes(sessionId))).toBe(false);
  });

  test("a session lasts 14 days", async () => {
    const userId = newUser();
    const before = Date.now();
    await startSession(userId, new Request("http://localhost/"));
    const expiresAt = sessionRowsOf(userId)[0]?.expiresAt.getTime() ?? 0;
    const fourteenDays = 14 * 24 * 60 * 60 * 1000;
    expect(expiresAt).toBeGreaterThanOrEqual(before + fourteenDays);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + fourteenDays);
  });
});

describe("sessionUserId", () => {
  test("resolves the cookie from startSession to its user", async () => {
    const userId = newUser();
    const sessionId = cookieValue(await startSession(userId, new Request("http://localhost/")));
    expect(await sessionUserId(requestWithSession(sessionId))).toBe(userId);
  });

  test("finds the session cookie among other cookies", async () => {
    const userId = newUser();
    const sessionId = cookieValue(await startSession(userId, new Request("http://localhost/")));
    const request = new Request("http://localhost/", { headers: { Cookie: `theme=dark; ${sessionCookieName}=${sessionId}; lang=nl` } });
    expect(await sessionUserId(request)).toBe(userId);
  });

  test("is null without a cookie, or with an unknown session id", async () => {
    expect(await sessionUserId(new Request("http://localhost/"))).toBeNull();
    expect(await sessionUserId(requestWithSession("not-a-session-id"))).toBeNull();
  });

  test("a copy of the stored hash, sent as the cookie, opens no session", async () => {
    const userId = newUser();
    const sessionId = cookieValue(await startSession(userId, new Request("http://localhost/")));
    const storedHash = sessionRowsOf(userId)[0]?.idHash;
    expect(storedHash).toBe(sha256Hex(sessionId));

    expect(await sessionUserId(requestWithSession(storedHash ?? ""))).toBeNull();
    // The real cookie still works: the failed attempt did not disturb the session.
    expect(await sessionUserId(requestWithSession(sessionId))).toBe(userId);
  });

  test("an expired session resolves to no one and is removed", async () => {
    const userId = newUser();
    const sessionId = cookieValue(await startSession(userId, new Request("http://localhost/")));
    db.update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.idHash, sha256Hex(sessionId)))
      .run();

    expect(await sessionUserId(requestWithSession(sessionId))).toBeNull();
    expect(sessionRowsOf(userId)).toHaveLength(0);
  });
});

describe("ending sessions", () => {
  test("endSession removes the row, so the same cookie no longer resolves", async () => {
    const userId = newUser();
    const sessionId = cookieValue(await startSession(userId, new Request("http://localhost/")));
    const otherSessionId = cookieValue(await startSession(userId, new Request("http://localhost/")));
    expect(sessionRowsOf(userId)).toHaveLength(2);

    const clearing = await endSession(requestWithSession(sessionId));

    expect(
      db
        .select()
        .from(sessions)
        .where(eq(sessions.idHash, sha256Hex(sessionId)))
        .all(),
    ).toHaveLength(0);
    expect(await sessionUserId(requestWithSession(sessionId))).toBeNull();
    // Only that session ends; the user's other session stays.
    expect(await sessionUserId(requestWithSession(otherSessionId))).toBe(userId);
    expect(sessionRowsOf(userId)).toHaveLength(1);

    // The returned cookie clears the browser's copy.
    expect(clearing.startsWith(`${sessionCookieName}=;`)).toBe(true);
    const attributes = attributesOf(clearing);
    expect(attributes).toContain("max-age=0");
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).not.toContain("secure");
  });

  test("endSession over https clears with a Secure cookie", async () => {
    const userId = newUser();
    const sessionId = cookieValue(await startSession(userId, new Request("https://circuit.example/")));
    const clearing = await endSession(requestWithSession(sessionId, "https://circuit.example/logout"));
    expect(attributesOf(clearing)).toContain("secure");
    expect(await sessionUserId(requestWithSession(sessionId))).toBeNull();
  });

  test("endSession without a session cookie still returns a clearing cookie", async () => {
    const clearing = await endSession(new Request("http://localhost/logout"));
    expect(clearing.startsWith(`${sessionCookieName}=;`)).toBe(true);
    expect(attributesOf(clearing)).toContain("max-age=0");
  });

  test("endAllSessionsOf ends every session of that user and no one else's", async () => {
    const userId = newUser();
    const otherUserId = newUser();
    const first = cookieValue(await startSession(userId, new Request("http://localhost/")));
    const second = cookieValue(await startSession(userId, new Request("http://localhost/")));
    const someoneElse = cookieValue(await startSession(otherUserId, new Request("http://localhost/")));

    await endAllSessionsOf(userId);

    expect(sessionRowsOf(userId)).toHaveLength(0);
    expect(await sessionUserId(requestWithSession(first))).toBeNull();
    expect(await sessionUserId(requestWithSession(second))).toBeNull();
    expect(await sessionUserId(requestWithSession(someoneElse))).toBe(otherUserId);
    expect(sessionRowsOf(otherUserId)).toHaveLength(1);
  });
});
