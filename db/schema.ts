// The drizzle schema: every table Circuit stores. Migrations in db/migrations are generated from
// this file by `npm run db:generate` and committed. Times are stored as epoch milliseconds.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const organizationKinds = ["department", "it_service", "school", "nonprofit"] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const organizationStatuses = ["pending", "approved", "rejected"] as const;
export type OrganizationStatus = (typeof organizationStatuses)[number];

export const roles = ["coordinator", "department", "technician", "recipient", "employee"] as const;
export type Role = (typeof roles)[number];

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const organizations = sqliteTable(
  "organizations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    kind: text("kind", { enum: organizationKinds }).notNull(),
    status: text("status", { enum: organizationStatuses }).notNull(),
    /** Free text a school or nonprofit gives about itself when it registers. */
    description: text("description"),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    approvedById: text("approved_by_id"),
    createdAt: createdAt(),
  },
  (table) => [index("organizations_status_idx").on(table.status), uniqueIndex("organizations_name_unique").on(table.name)],
);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    passwordHash: text("password_hash").notNull(),
    /** The interface language the user chose last (nl or en); null until they choose. */
    locale: text("locale"),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("users_email_unique").on(table.email), index("users_organization_idx").on(table.organizationId)],
);

/** Sessions are stored by the SHA-256 hash of their id: a copy of the database opens no session. */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/**
 * Failed sign-ins per e-mail address (known account or not, so that the lockout does not reveal
 * which addresses exist). Kept in the database so that a lock survives a restart.
 */
export const signInThrottles = sqliteTable("sign_in_throttles", {
  email: text("email").primaryKey(),
  /** JSON array of the epoch-ms times of recent failed attempts. */
  recentFailures: text("recent_failures").notNull().default("[]"),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    /** First characters of the token, so a user can tell their tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (table) => [uniqueIndex("api_tokens_hash_unique").on(table.tokenHash), index("api_tokens_user_idx").on(table.userId)],
);

export const invites = sqliteTable(
  "invites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    role: text("role", { enum: roles }).notNull(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    invitedById: text("invited_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    usedByUserId: text("used_by_user_id").references(() => users.id),
  },
  (table) => [uniqueIndex("invites_token_hash_unique").on(table.tokenHash)],
);

/** Mail that Circuit would send. No mail server exists here, so it waits in this outbox. */
export const outboxEmails = sqliteTable("outbox_emails", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  createdAt: createdAt(),
  sentAt: integer("sent_at", { mode: "timestamp_ms" }),
});
