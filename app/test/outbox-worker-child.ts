// A second server process for the outbox tests: drains the outbox of DATABASE_PATH through the SMTP
// server at TEST_SMTP_URL and prints the ids it sent, as JSON.
import { db } from "~/db.server";
import { createMailTransport } from "~/integrations/mail.server";
import { createOutboxWorker } from "~/mail/outbox-worker.server";

const transport = createMailTransport({ smtpUrl: process.env.TEST_SMTP_URL ?? "", from: "Stad Demostad <circuit@demostad.be>" });
const worker = createOutboxWorker({ database: db, transport, messageIdDomain: "demostad.be" });
const outcomes = await worker.drain();
transport.close();
process.stdout.write(JSON.stringify(outcomes.filter((outcome) => outcome.outcome === "sent").map((outcome) => outcome.id)));
