// A coordinator sends a failed e-mail again: it goes back in the queue as new (all attempts again),
// keeping its Message-ID, so a copy that did arrive after all shows as the same message.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { outboxEmails } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { getOutboxEmail } from "~/models/outbox.server";
import { refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export const resendEmailInput = z.object({ emailId: z.number().int().positive() });
export type ResendEmailInput = z.infer<typeof resendEmailInput>;

export type ResentEmail = { id: number; toAddress: string };

export function resendEmail(actor: UserActor, input: ResendEmailInput, options: CommandOptions = {}): CommandResult<ResentEmail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "mailbox.view");
    const email = getOutboxEmail(input.emailId, tx) ?? refuse({ reason: "not-found", entity: "email" });
    // Two coordinators pressing at once: the second finds it queued already and is refused.
    if (email.status !== "failed") refuse({ reason: "email-not-failed" });
    tx.update(outboxEmails)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(0), lastError: null, claimToken: null, leaseUntil: null })
      .where(eq(outboxEmails.id, email.id))
      .run();
    return { id: email.id, toAddress: email.toAddress };
  });
}
