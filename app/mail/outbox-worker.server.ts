// The outbox worker: sends queued e-mail one message at a time, oldest due first. It claims a message
// in a transaction (so two workers, in one process or two, never take the same one), sends after that
// commit, and records the server's answer; a failure is retried after 1 min, 5 min, 30 min and 2 h,
// then the message is failed with the last error. Time and transport are injected, for the tests.
import { randomUUID } from "node:crypto";
import type { CircuitDatabase } from "~/db.server";
import { MailOutcomeUnknownError, type MailReceipt, type MailTransport } from "~/integrations/mail.server";
import { claimNextEmail, interruptedSendError, recordEmailFailure, recordEmailSent, type OutboxEmail } from "~/models/outbox.server";

/** The waits before the second, third, fourth and fifth attempt; after the fifth fails the message is failed. */
export const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000] as const;

/** How long a claim holds: far longer than a send may take (the transport times out within about two minutes). */
export const defaultLeaseMs = 10 * 60_000;

export type DeliveryOutcome =
  | { id: number; outcome: "sent"; receipt: MailReceipt }
  | { id: number; outcome: "retrying"; error: string; retryAt: number }
  | { id: number; outcome: "failed"; error: string };

export type OutboxWorkerOptions = {
  database: CircuitDatabase;
  transport: MailTransport;
  /** The domain of the Message-IDs (MAIL_FROM's). */
  messageIdDomain: string;
  now?: () => number;
  leaseMs?: number;
  /** How long an idle worker waits before looking again. */
  pollMs?: number;
  onOutcome?: (outcome: DeliveryOutcome) => void;
};

export type OutboxWorker = {
  /** Claims and sends one due message; null when none is due. */
  deliverNext(): Promise<DeliveryOutcome | null>;
  /** Sends until nothing is due; returns the outcomes. */
  drain(): Promise<DeliveryOutcome[]>;
  /** Keeps delivering in the background until stop(). */
  start(): void;
  /** Stops looking for work and waits for the message in flight, so that a shutdown leaves nothing claimed. */
  stop(): Promise<void>;
};

/**
 * One Message-ID per outbox row, the same on every attempt and on a resend: a mail client that got
 * the message once shows a second copy as the same message.
 */
export function messageIdFor(email: Pick<OutboxEmail, "id" | "createdAt">, domain: string): string {
  return `<circuit-outbox-${email.id}-${email.createdAt.getTime()}@${domain}>`;
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1000);
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? defaultLeaseMs;
  const pollMs = options.pollMs ?? 5_000;
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function deliverNext(): Promise<DeliveryOutcome | null> {
    const token = randomUUID();
    const email = claimNextEmail(options.database, { now: now(), token, leaseMs });
    if (!email) return null;
    // The claim is committed: from here on no other worker sends this message.
    let outcome: DeliveryOutcome;
    try {
      const receipt = await options.transport.send({
        to: email.toAddress,
        subject: email.subject,
        text: email.body,
        html: email.html,
        language: email.language,
        messageId: messageIdFor(email, options.messageIdDomain),
      });
      recordEmailSent(options.database, email.id, token, { messageId: receipt.messageId, response: receipt.response, at: now() });
      outcome = { id: email.id, outcome: "sent", receipt };
    } catch (error) {
      // A refusal or a server out of reach is retried; a session that broke off without an answer is
      // not (the server may have the message), like a worker that died mid-send.
      const unknown = error instanceof MailOutcomeUnknownError;
      const delay = unknown ? undefined : retryDelaysMs[email.attempts - 1];
      const retryAt = delay === undefined ? null : now() + delay;
      const text = unknown ? `${interruptedSendError} (${errorText(error)})` : errorText(error);
      recordEmailFailure(options.database, email.id, token, { error: text, retryAt });
      outcome = retryAt === null ? { id: email.id, outcome: "failed", error: text } : { id: email.id, outcome: "retrying", error: text, retryAt };
    }
    options.onOutcome?.(outcome);
    return outcome;
  }

  async function drain(): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    for (let outcome = await deliverNext(); outcome; outcome = await deliverNext()) outcomes.push(outcome);
    return outcomes;
  }

  async function run(): Promise<void> {
    while (running) {
      let delivered = false;
      try {
        // One message at a time, so that stop() waits for at most the one in flight.
        delivered = (await deliverNext()) !== null;
      } catch (error) {
        // A database error (a locked file beyond the busy timeout…): log it and look again after the pause.
        console.error("E-mail: the outbox worker could not deliver:", error);
      }
      if (!running || delivered) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    deliverNext,
    drain,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
    },
  };
}
