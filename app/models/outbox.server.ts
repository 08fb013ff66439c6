// The e-mail outbox, a delivery queue: commands write rows in their own transaction (so a row exists
// only once the command committed), the outbox worker (app/mail/outbox-worker.server.ts) claims,
// sends and records them, and the outbox page lists them.
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { outboxEmails, type OutboxStatus } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { defaultLanguage, type Language } from "~/i18n/config";
import { headerSafe, renderEmail, type MailSite } from "~/mail/message";
import { mailSiteFromEnv } from "~/mail/site.server";

export type OutgoingEmail = {
  to: string;
  subject: string;
  /** Paragraphs separated by a blank line. */
  body: string;
  /** The recipient's language (the mail is written in it); Dutch when unknown. */
  language?: Language;
  /** The one link the mail is about: a path on PUBLIC_URL or an absolute URL, and its words. */
  link?: { href: string; label?: string };
};

export type OutboxEmail = typeof outboxEmails.$inferSelect;

/** Queues a message; call it with the command's transaction so that it is sent only if the command commits. */
export function queueEmail(email: OutgoingEmail, database: CircuitDatabase = db, site: MailSite = mailSiteFromEnv()): void {
  const language = email.language ?? defaultLanguage;
  const rendered = renderEmail({ language, subject: email.subject, body: email.body, ...(email.link ? { link: email.link } : {}) }, site);
  database
    .insert(outboxEmails)
    .values({ toAddress: headerSafe(email.to), subject: rendered.subject, body: rendered.text, html: rendered.html, language })
    .run();
}

export function listOutbox(limit = 100, database: CircuitDatabase = db): OutboxEmail[] {
  return database.select().from(outboxEmails).orderBy(desc(outboxEmails.id)).limit(limit).all();
}

export function getOutboxEmail(id: number, database: CircuitDatabase = db): OutboxEmail | undefined {
  return database.select().from(outboxEmails).where(eq(outboxEmails.id, id)).get();
}

/** What a worker left behind when it stopped between claiming a message and recording the outcome. */
export const interruptedSendError = "Interrupted while sending: the mail server may or may not have accepted it. Resend it if it did not arrive.";

/**
 * Claims the oldest message that is due, in one immediate transaction: no other worker (in this
 * process or another) can claim it too. First, a message still `sending` after its lease belongs to a
 * worker that died mid-send: it may have been accepted, so it is not sent again but failed with that
 * reason (never twice; a coordinator can resend it).
 */
export function claimNextEmail(database: CircuitDatabase, claim: { now: number; token: string; leaseMs: number }): OutboxEmail | null {
  return database.transaction(
    (tx) => {
      const now = new Date(claim.now);
      tx.update(outboxEmails)
        .set({ status: "failed", lastError: interruptedSendError, claimToken: null, leaseUntil: null })
        .where(and(eq(outboxEmails.status, "sending"), lte(outboxEmails.leaseUntil, now)))
        .run();
      const due = tx
        .select({ id: outboxEmails.id })
        .from(outboxEmails)
        .where(and(inArray(outboxEmails.status, ["pending", "retrying"] satisfies OutboxStatus[]), lte(outboxEmails.nextAttemptAt, now)))
        .orderBy(asc(outboxEmails.id))
        .limit(1)
        .get();
      if (!due) return null;
      return (
        tx
          .update(outboxEmails)
          .set({ status: "sending", claimToken: claim.token, leaseUntil: new Date(claim.now + claim.leaseMs), attempts: sql`${outboxEmails.attempts} + 1` })
          .where(eq(outboxEmails.id, due.id))
          .returning()
          .get() ?? null
      );
    },
    { behavior: "immediate" },
  );
}

/** Records a delivery; only the claim's holder may (returns false when the claim was lost). */
export function recordEmailSent(database: CircuitDatabase, id: number, token: string, receipt: { messageId: string; response: string; at: number }): boolean {
  const result = database
    .update(outboxEmails)
    .set({
      status: "sent",
      sentAt: new Date(receipt.at),
      messageId: receipt.messageId,
      serverResponse: receipt.response,
      lastError: null,
      claimToken: null,
      leaseUntil: null,
    })
    .where(and(eq(outboxEmails.id, id), eq(outboxEmails.claimToken, token)))
    .run();
  return result.changes === 1;
}

/** Records a failed attempt: retried at `retryAt`, or failed for good when that is null. */
export function recordEmailFailure(database: CircuitDatabase, id: number, token: string, failure: { error: string; retryAt: number | null }): boolean {
  const result = database
    .update(outboxEmails)
    .set({
      status: failure.retryAt === null ? "failed" : "retrying",
      nextAttemptAt: new Date(failure.retryAt ?? 0),
      lastError: failure.error,
      claimToken: null,
      leaseUntil: null,
    })
    .where(and(eq(outboxEmails.id, id), eq(outboxEmails.claimToken, token)))
    .run();
  return result.changes === 1;
}
