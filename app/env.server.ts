// The environment, read and validated once at start. Everything else imports `env` from here.
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no", "on", "off"]).transform((value) => ["true", "1", "yes", "on"].includes(value));

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
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

function readEnvironment(): Environment {
  const parsed = environmentSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  return parsed.data;
}

export const env = readEnvironment();

export const devMailboxEnabled = env.DEV_MAILBOX ?? (env.NODE_ENV !== "production" || env.DEMO_DATA);
