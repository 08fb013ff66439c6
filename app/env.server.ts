// The environment, read and validated once at start. Everything else imports `env` from here.
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no", "on", "off"]).transform((value) => ["true", "1", "yes", "on"].includes(value));

/** A bare address or "Name <address>", on one line: what MAIL_FROM and MAIL_REPLY_TO accept. */
export function isMailbox(value: string): boolean {
  const address = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
  if (/[\r\n]/.test(value)) return false;
  const named = /^[^<>]*<([^<>]+)>$/.exec(value.trim());
  return address.test(named ? named[1]!.trim() : value.trim());
}

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default("./data/circuit.db"),
  /** Employees sign up only with an address at this domain. */
  CITY_EMAIL_DOMAIN: z
    .string()
    .min(3)
    .default("demo.city")
    .transform((domain) => domain.toLowerCase().replace(/^@/, "")),
  CITY_NAME: z.string().min(1).default("Stad Demostad"),
  /** The address people reach Circuit at (e.g. https://circuit.stad.be), for links in QR codes, PDFs and mail. */
  PUBLIC_URL: z.string().url().optional(),
  /** Seed demo data when the database is new (npm start). Set to false for a real deployment. */
  DEMO_DATA: booleanFlag.default("true"),
  /** Show the outbox as a mailbox page to coordinators. Defaults to on outside production and in demos. */
  DEV_MAILBOX: booleanFlag.optional(),
  /** Set when a reverse proxy terminates TLS, so that X-Forwarded-Proto decides the Secure cookie flag. */
  TRUST_PROXY: booleanFlag.default("false"),
  /** Signs cookies (the flash message). Unset: one is generated on first start and kept in the database. */
  SESSION_SECRET: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(32, "use at least 32 characters, e.g. the output of `openssl rand -base64 32`").optional(),
  ),
  /** The relay that delivers the outbox, e.g. smtps://user:pass@relay.stad.be:465. Unset: nothing is sent (the dev mailbox shows it). */
  SMTP_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .url()
      .refine((value) => ["smtp:", "smtps:"].includes(new URL(value).protocol), "use a smtp:// or smtps:// URL, e.g. smtps://user:pass@relay.stad.be:465")
      .optional(),
  ),
  /** The sender of every message: "Stad Demostad <circuit@demostad.be>" or a bare address. Required with SMTP_URL. */
  MAIL_FROM: z.preprocess(emptyAsUnset, z.string().refine(isMailbox, 'use "Name <address@city.be>" or address@city.be').optional()),
  /** Where replies go, when not to MAIL_FROM (e.g. the reuse coordinator's team address). */
  MAIL_REPLY_TO: z.preprocess(emptyAsUnset, z.string().refine(isMailbox, 'use "Name <address@city.be>" or address@city.be').optional()),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

/** Settings that only make sense together: mail needs a sender, and links in mail need the public address. */
function checkCombinations(environment: Environment): string[] {
  const problems: string[] = [];
  if (environment.SMTP_URL && !environment.MAIL_FROM) problems.push("  MAIL_FROM: required when SMTP_URL is set");
  if (environment.SMTP_URL && !environment.PUBLIC_URL) problems.push("  PUBLIC_URL: required when SMTP_URL is set (the links in e-mail point there)");
  return problems;
}

function readEnvironment(): Environment {
  const parsed = environmentSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  const combinations = checkCombinations(parsed.data);
  if (combinations.length > 0) throw new Error(`Invalid environment variables:\n${combinations.join("\n")}`);
  return parsed.data;
}

export const env = readEnvironment();

/** The dev mailbox: the outbox page shows each message's full text (links included). */
export const devMailboxEnabled = env.DEV_MAILBOX ?? (env.NODE_ENV !== "production" || env.DEMO_DATA);

/** Mail is delivered over SMTP (a worker in the server process sends the outbox). */
export const mailDeliveryEnabled = env.SMTP_URL !== undefined;

/** The outbox page: the dev mailbox, or, once mail is delivered, the staff's view of what was sent and what failed. */
export const outboxPageEnabled = devMailboxEnabled || mailDeliveryEnabled;
