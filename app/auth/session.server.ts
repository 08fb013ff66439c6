// Sessions. Lucia v3 does the session bookkeeping (expiry, sliding renewal, cookie), but upstream is
// in maintenance mode, so it stays behind this module: nothing else imports "lucia". Our adapter
// stores only the SHA-256 hash of each session id, so a copy of the database opens no session.
import { and, eq, isNull, lt } from "drizzle-orm";
import { Cookie, Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { sessions, users } from "~db/schema";
import { db } from "~/db.server";
import { recordSignIn } from "~/models/user.server";
import { sha256Hex } from "./crypto.server";

const hashedSessionAdapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = db
      .select({ userId: sessions.userId, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      // A deactivated account's sessions are deleted with it; this keeps any straggler from opening.
      .where(and(eq(sessions.idHash, sha256Hex(sessionId)), isNull(users.deactivatedAt)))
      .get();
    if (!row) return [null, null];
    const session: DatabaseSession = { id: sessionId, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
    const user: DatabaseUser = { id: row.userId, attributes: {} };
    return [session, user];
  },
  // Lists sessions by their stored hash (the ids themselves are not kept): fine for counting,
  // not for passing back to invalidateSession.
  async getUserSessions(userId) {
    return db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .all()
      .map((row) => ({ id: row.idHash, userId: row.userId, expiresAt: row.expiresAt, attributes: {} }));
  },
  async setSession(session) {
    db.insert(sessions)
      .values({ idHash: sha256Hex(session.id), userId: session.userId, expiresAt: session.expiresAt })
      .run();
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    db.update(sessions)
      .set({ expiresAt })
      .where(eq(sessions.idHash, sha256Hex(sessionId)))
      .run();
  },
  async deleteSession(sessionId) {
    db.delete(sessions)
      .where(eq(sessions.idHash, sha256Hex(sessionId)))
      .run();
  },
  async deleteUserSessions(userId) {
    db.delete(sessions).where(eq(sessions.userId, userId)).run();
  },
  async deleteExpiredSessions() {
    db.delete(sessions).where(lt(sessions.expiresAt, new Date())).run();
  },
};

const lucia = new Lucia(hashedSessionAdapter, {
  sessionExpiresIn: new TimeSpan(14, "d"),
  sessionCookie: { name: "circuit_session", attributes: { sameSite: "lax", secure: false } },
});

/** HTTPS as the client saw it (the server trusts X-Forwarded-Proto only when TRUST_PROXY is on). */
export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

function withTransportSecurity(cookie: Cookie, request: Request): string {
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, httpOnly: true, secure: isHttps(request) }).serialize();
}

/**
 * Starts a session for the user; returns the Set-Cookie header value. The cookie lives as long as
 * the browser session (no Max-Age: city devices are often shared); on the server the session
 * slides forward while it is used and ends after 14 idle days.
 */
export async function startSession(userId: string, request: Request): Promise<string> {
  const session = await lucia.createSession(userId, {});
  recordSignIn(userId);
  const { maxAge: _maxAge, expires: _expires, ...attributes } = lucia.createSessionCookie(session.id).attributes;
  return withTransportSecurity(new Cookie(lucia.sessionCookieName, session.id, attributes), request);
}

/** The signed-in user's id, or null when the request carries no valid session. */
export async function sessionUserId(request: Request): Promise<string | null> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { user } = await lucia.validateSession(sessionId);
  return user?.id ?? null;
}

/** Ends the request's session on the server; returns the Set-Cookie header value that clears it. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return withTransportSecurity(lucia.createBlankSessionCookie(), request);
}

export async function endAllSessionsOf(userId: string): Promise<void> {
  await lucia.invalidateUserSessions(userId);
}

export async function removeExpiredSessions(): Promise<void> {
  await lucia.deleteExpiredSessions();
}

export const sessionCookieName = lucia.sessionCookieName;
