// The e-mail outbox: mail Circuit would send. There is no mail server here; the dev mailbox page
// shows what waits.
import { desc } from "drizzle-orm";
import { outboxEmails } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";

export type OutgoingEmail = { to: string; subject: string; body: string };

export function queueEmail(email: OutgoingEmail, database: CircuitDatabase = db): void {
  database.insert(outboxEmails).values({ toAddress: email.to, subject: email.subject, body: email.body }).run();
}

export function listOutbox(limit = 100) {
  return db.select().from(outboxEmails).orderBy(desc(outboxEmails.id)).limit(limit).all();
}
