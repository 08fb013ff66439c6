// Accounts: who someone is, their role and their organization.
import { randomUUID } from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import { organizations, users, type OrganizationKind, type OrganizationStatus, type Role } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { normalizeEmail } from "~/domain/accounts";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  organization: { id: number; name: string; kind: OrganizationKind; status: OrganizationStatus };
};

const sessionUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  organizationId: organizations.id,
  organizationName: organizations.name,
  organizationKind: organizations.kind,
  organizationStatus: organizations.status,
};

type SessionUserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  organizationId: number;
  organizationName: string;
  organizationKind: OrganizationKind;
  organizationStatus: OrganizationStatus;
};

function toSessionUser(row: SessionUserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    organization: { id: row.organizationId, name: row.organizationName, kind: row.organizationKind, status: row.organizationStatus },
  };
}

/** The signed-in person; null for an unknown id and for a deactivated account (whatever session or token it still presents). */
export function getSessionUser(userId: string): SessionUser | null {
  const row = db
    .select(sessionUserColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)))
    .get();
  return row ? toSessionUser(row) : null;
}

export function findCredentialsByEmail(
  email: string,
  database: CircuitDatabase = db,
): { id: string; passwordHash: string; activatedAt: Date | null; deactivatedAt: Date | null } | null {
  return (
    database
      .select({ id: users.id, passwordHash: users.passwordHash, activatedAt: users.activatedAt, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.email, normalizeEmail(email)))
      .get() ?? null
  );
}

export function emailIsTaken(email: string, database: CircuitDatabase = db): boolean {
  return findCredentialsByEmail(email, database) !== null;
}

/** The account that holds an address, as sign-up needs it: whether it is active, and the language to write to its owner in. */
export function findAccountHolding(email: string, database: CircuitDatabase = db): { id: string; activatedAt: Date | null; locale: string | null } | null {
  return (
    database
      .select({ id: users.id, activatedAt: users.activatedAt, locale: users.locale })
      .from(users)
      .where(eq(users.email, normalizeEmail(email)))
      .get() ?? null
  );
}

/** Marks an account's address as proven; an account that is active already keeps its first activation time. */
export function activateUser(tx: CircuitDatabase, userId: string, at: Date): void {
  tx.update(users)
    .set({ activatedAt: at })
    .where(and(eq(users.id, userId), isNull(users.activatedAt)))
    .run();
}

/**
 * Removes an account whose address was never confirmed (it never signed in, so nothing refers to it
 * but its confirmation links, which go with it), and the organization it registered, when that is
 * still pending and has no member left. A new sign-up with the address takes its place, so that whoever
 * signed up first with someone else's address cannot keep the owner out.
 */
export function removeUnconfirmedAccount(tx: CircuitDatabase, userId: string): void {
  const removed = tx
    .delete(users)
    .where(and(eq(users.id, userId), isNull(users.activatedAt)))
    .returning({ organizationId: users.organizationId })
    .get();
  if (!removed) return;
  const organization = tx.select({ status: organizations.status }).from(organizations).where(eq(organizations.id, removed.organizationId)).get();
  const membersLeft = tx.select({ total: count() }).from(users).where(eq(users.organizationId, removed.organizationId)).get()?.total ?? 0;
  if (organization?.status === "pending" && membersLeft === 0) tx.delete(organizations).where(eq(organizations.id, removed.organizationId)).run();
}

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  organizationId: number;
  passwordHash: string;
  /** Null while the address waits for confirmation; omitted, the account is active now (its address was proven otherwise). */
  activatedAt?: Date | null;
};

/** Inserts an account; pass a transaction to make it part of a larger change. */
export function insertUser(newUser: NewUser, database: CircuitDatabase = db): string {
  const id = randomUUID();
  database
    .insert(users)
    .values({
      ...newUser,
      id,
      email: normalizeEmail(newUser.email),
      name: newUser.name.trim(),
      activatedAt: newUser.activatedAt === undefined ? new Date() : newUser.activatedAt,
    })
    .run();
  return id;
}

/** A successful sign-in (a password, an invite accepted, an address confirmed): shown to the coordinator on /users. */
export function recordSignIn(userId: string, at: Date = new Date(), database: CircuitDatabase = db): void {
  database.update(users).set({ lastSignInAt: at }).where(eq(users.id, userId)).run();
}

export function writeUserLocale(tx: CircuitDatabase, userId: string, locale: string): void {
  tx.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

export function countUsers(): number {
  return db.select({ total: count() }).from(users).get()?.total ?? 0;
}
