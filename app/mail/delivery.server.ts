// Starts the outbox worker in the server process when SMTP_URL is set (app/cli/start.ts).
import { db } from "~/db.server";
import { createMailTransport, describeSmtpUrl, domainOf, mailSettingsFromEnv } from "~/integrations/mail.server";
import { createOutboxWorker, type DeliveryOutcome } from "./outbox-worker.server";

export type RunningDelivery = { stop(): Promise<void> };

function logOutcome(outcome: DeliveryOutcome) {
  if (outcome.outcome === "sent") console.log(`E-mail: outbox #${outcome.id} sent (${outcome.receipt.response})`);
  else if (outcome.outcome === "retrying")
    console.warn(`E-mail: outbox #${outcome.id} not sent, retrying at ${new Date(outcome.retryAt).toISOString()}: ${outcome.error}`);
  else console.error(`E-mail: outbox #${outcome.id} failed for good: ${outcome.error}`);
}

/** Null when SMTP_URL is unset: nothing is sent, and the outbox waits on the mailbox page. */
export function startOutboxDelivery(): RunningDelivery | null {
  const settings = mailSettingsFromEnv();
  if (!settings) return null;
  const transport = createMailTransport(settings);
  const worker = createOutboxWorker({ database: db, transport, messageIdDomain: domainOf(settings.from), onOutcome: logOutcome });
  worker.start();
  console.log(`E-mail: delivering the outbox through ${describeSmtpUrl(settings.smtpUrl)} as ${settings.from}.`);
  return {
    async stop() {
      await worker.stop();
      transport.close();
    },
  };
}
