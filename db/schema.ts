// The drizzle schema: every table Circuit stores. Migrations in db/migrations are generated from
// this file by `npm run db:generate` and committed. Times are stored as epoch milliseconds.
import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
// Relative imports: drizzle-kit loads this file without the app's path aliases.
import { deviceTypes, mediumKinds, type DeviceType, type MediumKind } from "../app/domain/devices";
import { conditionGrades, deviceStatuses, holderKinds } from "../app/domain/lifecycle";
import { organizationKinds, organizationStatuses, roles, type OrganizationKind, type OrganizationStatus, type Role } from "../app/domain/organizations";
import { matchStatuses } from "../app/domain/matching";
import { requestStatuses, requesterKinds } from "../app/domain/requests";
import { sanitizationMethods, sanitizationTechniques, verificationLevels, wipeResults } from "../app/domain/wipes";

export { organizationKinds, organizationStatuses, roles, type OrganizationKind, type OrganizationStatus, type Role };

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
    /** A recycler's accreditation (e.g. a WEEE or Recupel registration number); null for other kinds. */
    accreditationNumber: text("accreditation_number"),
    /** Street address: where a technician collects a department's devices, or where the IT service hands them over. */
    address: text("address"),
    /** Who to ask for on site (name, phone or e-mail), as the organization wrote it. */
    contact: text("contact"),
    /** When devices can be picked up (the IT service's counter hours), free text. */
    openingHours: text("opening_hours"),
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
    /** When the owner of the address proved it by opening the link we sent; null = cannot sign in yet. */
    activatedAt: integer("activated_at", { mode: "timestamp_ms" }),
    /** Set when a coordinator deactivated the account (someone left): no sign-in, no session, no token. */
    deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
    deactivatedById: text("deactivated_by_id"),
    lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
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

/**
 * Sign-in failures of one browser that signed in to an account before (OWASP's device cookie): such a
 * browser keeps its own lockout, so strangers locking the account do not lock its owner out.
 * Keyed by the SHA-256 of the cookie's nonce.
 */
export const signInDeviceThrottles = sqliteTable("sign_in_device_throttles", {
  nonceHash: text("nonce_hash").primaryKey(),
  email: text("email").notNull(),
  /** JSON array of the epoch-ms times of recent failed attempts with this cookie. */
  recentFailures: text("recent_failures").notNull().default("[]"),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

/** Single-use links that prove an address belongs to whoever signed up with it (24 h). */
export const emailConfirmations = sqliteTable(
  "email_confirmations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** SHA-256 of the token in the link; the token itself is only in the e-mail. */
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (table) => [uniqueIndex("email_confirmations_token_hash_unique").on(table.tokenHash), index("email_confirmations_user_idx").on(table.userId)],
);

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
    /** From this moment the token no longer works; chosen when it is made (no default: every token states its own). */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
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

/** Where an outbox row is: waiting, claimed by a worker, delivered, waiting to try again, given up. */
export const outboxStatuses = ["pending", "sending", "sent", "retrying", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Mail that Circuit sends: a delivery queue. A row written in a command's transaction is visible to the
 * worker only once that transaction commits. Without SMTP_URL the rows stay pending (the dev mailbox).
 */
export const outboxEmails = sqliteTable(
  "outbox_emails",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    /** The plain-text part. */
    body: text("body").notNull(),
    /** The HTML part (rows from before delivery existed have none: they are sent as text only). */
    html: text("html"),
    language: text("language").notNull().default("nl"),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    /** Delivery attempts started (claims), including the one in progress. */
    attempts: integer("attempts").notNull().default(0),
    /** Not sent before this time (a retry's back-off). */
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`0`),
    /** The worker's claim while `sending`: only the holder of this token may record the outcome. */
    claimToken: text("claim_token"),
    /** A `sending` row whose lease ran out belongs to a worker that died mid-send (see README, "E-mail"). */
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    /** The Message-ID the server accepted, and its reply (which usually names its queue id). */
    messageId: text("message_id"),
    serverResponse: text("server_response"),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("outbox_emails_due").on(table.status, table.nextAttemptAt)],
);

export { deviceTypes, mediumKinds, type DeviceType, type MediumKind };

export const devices = sqliteTable(
  "devices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The id printed on the label's QR code: random, unguessable, not the database id. */
    publicId: text("public_id").notNull(),
    assetTag: text("asset_tag").notNull(),
    serial: text("serial").notNull(),
    manufacturer: text("manufacturer").notNull(),
    model: text("model").notNull(),
    type: text("type", { enum: deviceTypes }).notNull(),
    cpu: text("cpu"),
    ramGb: integer("ram_gb"),
    storageGb: integer("storage_gb"),
    screenInches: real("screen_inches"),
    keyboardLayout: text("keyboard_layout"),
    batteryHealthPercent: integer("battery_health_percent"),
    conditionGrade: text("condition_grade", { enum: conditionGrades }),
    conditionNotes: text("condition_notes"),
    purchaseDate: text("purchase_date"),
    purchasePriceCents: integer("purchase_price_cents"),
    weightKg: real("weight_kg"),
    /** Free notes brought in with an inventory file (Snipe-IT's Notes column, for one). */
    notes: text("notes"),
    /**
     * Embodied carbon (kg CO2e, the non-use share of the footprint) that one reuse of this device avoids,
     * from the manufacturers' footprints in db/reference: 'model' when its own product was found, else
     * 'type' (the median of its type). Reference: the product and report date, or the type and count.
     */
    carbonKgCo2e: real("carbon_kg_co2e"),
    carbonSource: text("carbon_source", { enum: ["model", "type"] }),
    carbonReference: text("carbon_reference"),
    carbonReferenceUrl: text("carbon_reference_url"),
    /** The matched product's weight in the reference data (kg), for e-waste when the device's own is unknown. */
    carbonReferenceWeightKg: real("carbon_reference_weight_kg"),
    departmentId: integer("department_id")
      .notNull()
      .references(() => organizations.id),
    status: text("status", { enum: deviceStatuses }).notNull(),
    holderKind: text("holder_kind", { enum: holderKinds }).notNull(),
    holderOrganizationId: integer("holder_organization_id").references(() => organizations.id),
    holderUserId: text("holder_user_id").references(() => users.id),
    holderName: text("holder_name"),
    registeredById: text("registered_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [
    uniqueIndex("devices_public_id_unique").on(table.publicId),
    uniqueIndex("devices_asset_tag_unique").on(table.assetTag),
    uniqueIndex("devices_serial_unique").on(table.serial),
    // Filters combined with the default order (last change first), so a page needs no sort step.
    index("devices_status_updated_idx").on(table.status, table.updatedAt, table.id),
    index("devices_type_updated_idx").on(table.type, table.updatedAt, table.id),
    index("devices_department_updated_idx").on(table.departmentId, table.updatedAt, table.id),
    index("devices_department_status_updated_idx").on(table.departmentId, table.status, table.updatedAt, table.id),
    index("devices_model_idx").on(table.model),
    index("devices_updated_idx").on(table.updatedAt, table.id),
    index("devices_holder_organization_idx").on(table.holderOrganizationId),
  ],
);

export const storageMedia = sqliteTable(
  "storage_media",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deviceId: integer("device_id")
      .notNull()
      .references(() => devices.id),
    serial: text("serial").notNull(),
    kind: text("kind", { enum: mediumKinds }).notNull(),
    capacityGb: integer("capacity_gb").notNull(),
    manufacturer: text("manufacturer"),
    model: text("model"),
  },
  (table) => [index("storage_media_device_idx").on(table.deviceId), index("storage_media_serial_idx").on(table.serial)],
);

/**
 * The chain of custody: append-only (database triggers refuse UPDATE and DELETE) and hash-chained,
 * one global chain. `hash` is SHA-256 over the canonical serialization of the other columns; see
 * app/domain/custody.ts. People appear only by id: names live in `users`, outside the hashed data.
 */
export const custodyEvents = sqliteTable(
  "custody_events",
  {
    seq: integer("seq").primaryKey(),
    deviceId: integer("device_id")
      .notNull()
      .references(() => devices.id),
    type: text("type").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    /** JSON of a Holder, or null for the first event. */
    fromHolder: text("from_holder"),
    toHolder: text("to_holder").notNull(),
    /** A user id, or "system:payment". */
    actorId: text("actor_id").notNull(),
    /** Epoch milliseconds. */
    at: integer("at").notNull(),
    details: text("details").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("custody_events_device_idx").on(table.deviceId, table.seq),
    // Impact figures aggregate handovers, returns and recycling per period.
    index("custody_events_type_at_idx").on(table.type, table.at, table.deviceId),
    uniqueIndex("custody_events_prev_hash_unique").on(table.prevHash),
    uniqueIndex("custody_events_hash_unique").on(table.hash),
  ],
);

/** One issued data-wipe certificate: a device's media were all sanitized, validated, and certified. */
export const wipeCertificates = sqliteTable(
  "wipe_certificates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull(),
    deviceId: integer("device_id")
      .notNull()
      .references(() => devices.id),
    issuedAt: integer("issued_at", { mode: "timestamp_ms" }).notNull(),
    issuedById: text("issued_by_id")
      .notNull()
      .references(() => users.id),
  },
  (table) => [uniqueIndex("wipe_certificates_number_unique").on(table.number), index("wipe_certificates_device_idx").on(table.deviceId, table.issuedAt)],
);

/** One sanitization attempt on one storage medium, with the fields of a NIST SP 800-88 certificate. */
export const wipeRecords = sqliteTable(
  "wipe_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deviceId: integer("device_id")
      .notNull()
      .references(() => devices.id),
    mediumId: integer("medium_id")
      .notNull()
      .references(() => storageMedia.id),
    method: text("method", { enum: sanitizationMethods }).notNull(),
    technique: text("technique", { enum: sanitizationTechniques }).notNull(),
    rounds: integer("rounds"),
    tool: text("tool").notNull(),
    toolVersion: text("tool_version").notNull(),
    verification: text("verification", { enum: verificationLevels }).notNull(),
    samplePercent: integer("sample_percent"),
    result: text("result", { enum: wipeResults }).notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    notes: text("notes"),
    /** "manual", or "nwipe-log" when the record was drafted from an uploaded log. */
    source: text("source").notNull().default("manual"),
    /** The lines of the uploaded log this record was drafted from (at most a few kB), shown to the validator. */
    logExcerpt: text("log_excerpt"),
    performedById: text("performed_by_id")
      .notNull()
      .references(() => users.id),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
    validatedById: text("validated_by_id").references(() => users.id),
    validatedAt: integer("validated_at", { mode: "timestamp_ms" }),
    certificateId: integer("certificate_id").references(() => wipeCertificates.id),
  },
  (table) => [index("wipe_records_device_idx").on(table.deviceId, table.recordedAt), index("wipe_records_medium_idx").on(table.mediumId)],
);

/**
 * "No storage present": a technician opened a device that would normally hold storage and found none.
 * Like a wipe, it counts towards certification only once another technician validated it.
 */
export const storageAbsenceRecords = sqliteTable(
  "storage_absence_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deviceId: integer("device_id")
      .notNull()
      .references(() => devices.id),
    /** What the technician checked (e.g. "M.2 slot empty, no eMMC on board"). */
    notes: text("notes"),
    recordedById: text("recorded_by_id")
      .notNull()
      .references(() => users.id),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
    validatedById: text("validated_by_id").references(() => users.id),
    validatedAt: integer("validated_at", { mode: "timestamp_ms" }),
    certificateId: integer("certificate_id").references(() => wipeCertificates.id),
  },
  (table) => [index("storage_absence_records_device_idx").on(table.deviceId, table.recordedAt)],
);

export const deviceRequests = sqliteTable(
  "device_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    requesterId: text("requester_id")
      .notNull()
      .references(() => users.id),
    /** "organization" for a school or nonprofit; "employee" for a city employee's personal request. */
    requesterKind: text("requester_kind", { enum: requesterKinds }).notNull(),
    type: text("type", { enum: deviceTypes }).notNull(),
    quantity: integer("quantity").notNull(),
    minRamGb: integer("min_ram_gb").notNull().default(0),
    minStorageGb: integer("min_storage_gb").notNull().default(0),
    minScreenInches: real("min_screen_inches"),
    keyboardLayout: text("keyboard_layout").notNull().default("any"),
    purpose: text("purpose").notNull(),
    beneficiaries: integer("beneficiaries").notNull(),
    neededBy: text("needed_by").notNull(),
    status: text("status", { enum: requestStatuses }).notNull(),
    priority: integer("priority"),
    /** JSON of the rubric's answers the requester gave (see app/domain/priority-rubric.ts); null for old requests. */
    rubricAnswers: text("rubric_answers"),
    /** The priority the published rubric computed from those answers, before any adjustment. */
    rubricPriority: integer("rubric_priority"),
    /** Why the coordinator set a priority other than the rubric's. */
    priorityReason: text("priority_reason"),
    rejectionReason: text("rejection_reason"),
    reviewedById: text("reviewed_by_id").references(() => users.id),
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
    fulfilled: integer("fulfilled").notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [
    index("device_requests_status_idx").on(table.status),
    index("device_requests_organization_idx").on(table.organizationId),
    index("device_requests_requester_idx").on(table.requesterId),
  ],
);

/** A confirmed pairing of a device and a request: the device is reserved for it until handover or release. */
export const matches = sqliteTable(
  "matches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deviceId: integer("device_id")
      .notNull()
      .references(() => devices.id),
    requestId: integer("request_id")
      .notNull()
      .references(() => deviceRequests.id),
    score: real("score").notNull(),
    explanation: text("explanation").notNull(),
    status: text("status", { enum: matchStatuses }).notNull(),
    confirmedById: text("confirmed_by_id")
      .notNull()
      .references(() => users.id),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }).notNull(),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    /** True when the coordinator chose this device by hand instead of taking the engine's proposal. */
    manual: integer("manual", { mode: "boolean" }).notNull().default(false),
    manualReason: text("manual_reason"),
    /** Set when the technician put the device out for pickup: where, the time window, and the code the recipient types. */
    readyAt: integer("ready_at", { mode: "timestamp_ms" }),
    readyById: text("ready_by_id").references(() => users.id),
    pickupLocation: text("pickup_location"),
    pickupFrom: integer("pickup_from", { mode: "timestamp_ms" }),
    pickupUntil: integer("pickup_until", { mode: "timestamp_ms" }),
    pickupCode: text("pickup_code"),
  },
  (table) => [index("matches_device_idx").on(table.deviceId, table.status), index("matches_request_idx").on(table.requestId, table.status)],
);

/** Who signed for a device at handover. Personal data: kept out of the hashed custody events (which refer to the id). */
export const handoverSignatures = sqliteTable("handover_signatures", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  deviceId: integer("device_id")
    .notNull()
    .references(() => devices.id),
  matchId: integer("match_id").references(() => matches.id),
  signedByName: text("signed_by_name").notNull(),
  signedByUserId: text("signed_by_user_id").references(() => users.id),
  signedAt: integer("signed_at", { mode: "timestamp_ms" }).notNull(),
  recordedById: text("recorded_by_id")
    .notNull()
    .references(() => users.id),
});

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A translation key under "notifications." */
    kind: text("kind").notNull(),
    /** JSON values for the message's placeholders. */
    values: text("values").notNull().default("{}"),
    link: text("link"),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("notifications_user_idx").on(table.userId, table.readAt)],
);

/**
 * Free text typed with a transition (why a handover fell through, why a device came back). It may
 * name people, so it stays out of the hashed custody event, which holds only this row's id.
 */
export const custodyNotes = sqliteTable("custody_notes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  text: text("text").notNull(),
  createdAt: createdAt(),
});

/** Settings the app decides for itself on first start and keeps, such as the generated cookie-signing secret. */
export const appSettings = sqliteTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

/**
 * An inventory file uploaded at /devices/import: kept between the preview and the commit (so the page
 * works without JavaScript), with the choices made on the way (column mapping, categories, date order)
 * and, once committed, what happened to each row.
 */
export const deviceImports = sqliteTable(
  "device_imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    departmentId: integer("department_id")
      .notNull()
      .references(() => organizations.id),
    createdById: text("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    fileName: text("file_name").notNull(),
    /** The file as text, already decoded (UTF-8 or Windows-1252). */
    csvText: text("csv_text").notNull(),
    /** JSON: the column mapping, category → type, date order and "update" choices. */
    choices: text("choices").notNull().default("{}"),
    status: text("status", { enum: ["preview", "committed"] })
      .notNull()
      .default("preview"),
    /** JSON: the commit's outcome per row. */
    result: text("result"),
    committedAt: integer("committed_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("device_imports_department_idx").on(table.departmentId, table.createdAt)],
);

/** A column mapping chosen for a file's headers, offered again for the next file with the same headers. */
export const importColumnMappings = sqliteTable("import_column_mappings", {
  /** The file's headers, normalized and joined: the same headers find the same mapping. */
  headersKey: text("headers_key").primaryKey(),
  /** JSON: header → Circuit field or "ignore". */
  columns: text("columns").notNull(),
  updatedById: text("updated_by_id").references(() => users.id),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});
