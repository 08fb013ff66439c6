// Every account as the coordinator sees it on /users (role, organization, last sign-in, whether it is
// deactivated), and the writes the deactivate and reactivate commands make inside their transaction.
import { and, asc, count, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { apiTokens, organizations, sessions, users, type OrganizationKind, type Role } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";

/** What the list can be narrowed to; `q` matches a name or an e-mail address (part of it). */
export type UserDirectoryFilter = { role?: Role; organizationId?: number; status?: "active" | "deactivated"; q?: string };

export type UserDirectoryEntry = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organizationId: number;
  organizationName: string;
  organizationKind: OrganizationKind;
  lastSignInAt: Date | null;
  activatedAt: Date | null;
  deactivatedAt: Date | null;
  deactivatedByName: string | null;
};

const deactivators = alias(users, "deactivators");

/** LIKE with the user's text taken literally (% and _ are wildcards otherwise). */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function filterCondition(filter: UserDirectoryFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.organizationId !== undefined) conditions.push(eq(users.organizationId, filter.organizationId));
  if (filter.status === "active") conditions.push(isNull(users.deactivatedAt));
  if (filter.status === "deactivated") conditions.push(isNotNull(users.deactivatedAt));
  const text = filter.q?.replace(/\p{Cc}/gu, " ").trim();
  if (text) {
    const pattern = containing(text.toLowerCase());
    conditions.push(or(sql`lower(${users.name}) LIKE ${pattern} ESCAPE '\\'`, sql`${users.email} LIKE ${pattern} ESCAPE '\\'`)!);
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** One page of accounts, by name, and how many match in all. */
export function listUsers(filter: UserDirectoryFilter, page: { limit: number; offset: number }): { items: UserDirectoryEntry[]; total: number } {
  const where = filterCondition(filter);
  const items = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organizationId: organizations.id,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      lastSignInAt: users.lastSignInAt,
      activatedAt: users.activatedAt,
      deactivatedAt: users.deactivatedAt,
      deactivatedByName: deactivators.name,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(deactivators, eq(deactivators.id, users.deactivatedById))
    .where(where)
    .orderBy(asc(users.name), asc(users.email))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const total = db.select({ total: count() }).from(users).where(where).get()?.total ?? 0;
  return { items, total };
}

/** The organizations that have members, for the filter. */
export function organizationsWithMembers(): { id: number; name: string }[] {
  return db
    .selectDistinct({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .innerJoin(users, eq(users.organizationId, organizations.id))
    .orderBy(asc(organizations.name))
    .all();
}

/** One account as the user commands need it, read in the caller's transaction. */
export function managedUser(userId: string, database: CircuitDatabase = db) {
  return (
    database
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.id, userId))
      .get() ?? null
  );
}

/**
 * Deactivates an account and ends, at once, every session and every API token it has: nothing it
 * holds keeps working. Returns false when another writer deactivated it first.
 */
export function writeDeactivation(tx: CircuitDatabase, userId: string, deactivation: { at: number; byId: string }): boolean {
  const changed = tx
    .update(users)
    .set({ deactivatedAt: new Date(deactivation.at), deactivatedById: deactivation.byId })
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)))
    .run().changes;
  if (changed === 0) return false;
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  tx.update(apiTokens)
    .set({ revokedAt: new Date(deactivation.at) })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
  return true;
}

/** Lets a deactivated account sign in again (its old sessions and tokens stay ended). Returns false when it was active. */
export function writeReactivation(tx: CircuitDatabase, userId: string): boolean {
  return (
    tx
      .update(users)
      .set({ deactivatedAt: null, deactivatedById: null })
      .where(and(eq(users.id, userId), isNotNull(users.deactivatedAt)))
      .run().changes > 0
  );
}
