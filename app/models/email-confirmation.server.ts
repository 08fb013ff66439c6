// The links that prove a new account's address (email_confirmations): stored by the SHA-256 of their
// token only, valid 24 hours, used once. The commands are sign-up, registration and confirm-email.
import { and, eq, isNull } from "drizzle-orm";
import { emailConfirmations, organizations, users } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";
import { emailConfirmationState, type EmailConfirmationState } from "~/domain/accounts";

export type EmailConfirmation = { id: number; userId: string; state: EmailConfirmationState };

/** What the confirmation page shows before the button: whose account the link activates. */
export type EmailConfirmationView = EmailConfirmation & { email: string; name: string; organizationName: string };

export function insertEmailConfirmation(tx: CircuitDatabase, confirmation: { userId: string; token: string; createdAt: Date; expiresAt: Date }): void {
  tx.insert(emailConfirmations)
    .values({ userId: confirmation.userId, tokenHash: sha256Hex(confirmation.token), createdAt: confirmation.createdAt, expiresAt: confirmation.expiresAt })
    .run();
}

export function findEmailConfirmation(token: string, now: number, database: CircuitDatabase = db): EmailConfirmationView | null {
  const row = database
    .select({
      id: emailConfirmations.id,
      userId: emailConfirmations.userId,
      expiresAt: emailConfirmations.expiresAt,
      usedAt: emailConfirmations.usedAt,
      email: users.email,
      name: users.name,
      organizationName: organizations.name,
    })
    .from(emailConfirmations)
    .innerJoin(users, eq(users.id, emailConfirmations.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(emailConfirmations.tokenHash, sha256Hex(token)))
    .get();
  if (!row) return null;
  const state = emailConfirmationState({ expiresAt: row.expiresAt.getTime(), usedAt: row.usedAt?.getTime() ?? null }, now);
  return { id: row.id, userId: row.userId, state, email: row.email, name: row.name, organizationName: row.organizationName };
}

/** Marks the link used; false when another request used it first (the guard is `used_at IS NULL`). */
export function claimEmailConfirmation(tx: CircuitDatabase, id: number, at: Date): boolean {
  return (
    tx
      .update(emailConfirmations)
      .set({ usedAt: at })
      .where(and(eq(emailConfirmations.id, id), isNull(emailConfirmations.usedAt)))
      .run().changes === 1
  );
}
