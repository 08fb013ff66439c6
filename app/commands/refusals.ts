// The closed set of reasons a command refuses, and the one table that says how each is answered:
// the HTTP status, the API's error code and the message (a translation key; the API speaks English).
// Every page and API route answers a refusal through this table (app/http/refusal-replies.server.ts).
import type { DeviceStatus } from "~/domain/lifecycle";

/** What a refusal is about, for "not found" messages. */
export type RefusedEntity =
  "device" | "medium" | "wipe" | "request" | "match" | "organization" | "token" | "invite" | "email" | "storage-absence" | "confirmation" | "user" | "import";

/** Field errors are translation keys by field name, as conform and the API's `fields` expect. */
export type FieldErrors = Record<string, string[]>;

export type Refusal =
  /** The actor's role (or their organization's status) does not allow the action. */
  | { reason: "forbidden" }
  /** The thing exists, but is outside what the actor may see or act on. */
  | { reason: "out-of-scope" }
  | { reason: "not-own-department" }
  | { reason: "not-own-device" }
  | { reason: "not-found"; entity: RefusedEntity }
  | { reason: "invalid-state"; status: DeviceStatus | null }
  /** Another writer changed the same thing meanwhile; reload and try again. */
  | { reason: "conflict" }
  | { reason: "duplicate"; fields: FieldErrors }
  /** Input that is well-formed but breaks a rule (a wipe technique that does not carry out its method…). */
  | { reason: "invalid-input"; fields: FieldErrors }
  | { reason: "media-not-sanitized" }
  /** A laptop, desktop, tablet or phone without media and without a validated "no storage present" record. */
  | { reason: "storage-not-accounted-for" }
  /** A "no storage present" record for a device that has storage media registered. */
  | { reason: "device-has-media" }
  /** This cycle of the device has its "no storage present" record already. */
  | { reason: "storage-absence-recorded" }
  | { reason: "no-it-service" }
  | { reason: "no-reservation" }
  /** The recipient cannot sign for a reserved device still on the shelf: a technician sets it ready for pickup first. */
  | { reason: "not-ready-for-pickup" }
  /** The two-person rule: `record` says which kind of record (a wipe when not given). */
  | { reason: "same-person"; record?: "storage-absence" }
  | { reason: "failed-record" }
  | { reason: "already-validated"; record?: "storage-absence" }
  | { reason: "device-not-collected" }
  | { reason: "log-unreadable"; problems: string[] }
  | { reason: "request-not-open" }
  /** A match for a device that is no longer listed (another confirmation, or a sale, took it first). */
  | { reason: "device-not-listed" }
  /** An invite link that was used already or has expired (or whose address has an account meanwhile). */
  | { reason: "invite-unusable"; state: "used" | "expired" | "email-taken" }
  /** A link that proves a new account's address, used already or expired (24 h). */
  | { reason: "confirmation-unusable"; state: "used" | "expired" }
  | { reason: "not-feasible" }
  | { reason: "not-cancellable" }
  | { reason: "not-submitted" }
  | { reason: "not-pending" }
  /** Only a failed e-mail is sent again by hand (a queued or sent one would go out twice). */
  | { reason: "email-not-failed" }
  /** A coordinator cannot deactivate their own account (nobody could reactivate it from inside). */
  | { reason: "own-account" }
  /** Deactivating an account that is deactivated already, or reactivating one that is active. */
  | { reason: "account-deactivated" }
  | { reason: "account-active" }
  /** An inventory file without a column Circuit cannot do without (the serial number): said before any row is read. */
  | { reason: "import-missing-column"; column: "serial" }
  /** An inventory file that is not CSV (an unterminated quote, a binary file). */
  | { reason: "import-unreadable"; line: number }
  /** An inventory upload that was committed already. */
  | { reason: "import-committed" };

export type RefusalReason = Refusal["reason"];

type RefusalAnswer = {
  status: 400 | 403 | 404 | 409 | 410 | 422;
  /** The `code` of the API's `{"error":{...}}`. */
  apiCode: string;
  /** Translation key of the message shown on pages (and, in English, by the API). */
  messageKey: (refusal: Refusal) => string;
};

const key = (messageKey: string) => () => messageKey;

/** Whose message a two-person-rule refusal takes: the wipe's, or the "no storage present" record's. */
const validatedRecordKind = (refusal: Refusal) =>
  (refusal.reason === "same-person" || refusal.reason === "already-validated") && refusal.record === "storage-absence" ? "storageAbsence" : "wipe";

/** The one refusal table. */
export const refusalAnswers: Record<RefusalReason, RefusalAnswer> = {
  forbidden: { status: 403, apiCode: "forbidden", messageKey: key("errors.device.forbidden") },
  "out-of-scope": { status: 403, apiCode: "forbidden", messageKey: key("errors.outOfScope") },
  "not-own-department": { status: 403, apiCode: "forbidden", messageKey: key("errors.device.not-own-department") },
  "not-own-device": { status: 403, apiCode: "forbidden", messageKey: key("errors.device.not-own-device") },
  "not-found": { status: 404, apiCode: "not_found", messageKey: (refusal) => `errors.notFound.${refusal.reason === "not-found" ? refusal.entity : "device"}` },
  "invalid-state": { status: 409, apiCode: "invalid_state", messageKey: key("errors.device.invalid-state") },
  conflict: { status: 409, apiCode: "conflict", messageKey: key("errors.device.conflict") },
  duplicate: { status: 409, apiCode: "duplicate", messageKey: key("errors.device.duplicate") },
  "invalid-input": { status: 422, apiCode: "validation_failed", messageKey: key("errors.invalidInput") },
  "media-not-sanitized": { status: 409, apiCode: "media_not_sanitized", messageKey: key("errors.device.media-not-sanitized") },
  "storage-not-accounted-for": { status: 409, apiCode: "storage_not_accounted_for", messageKey: key("errors.device.storage-not-accounted-for") },
  "device-has-media": { status: 409, apiCode: "device_has_media", messageKey: key("errors.storageAbsence.device-has-media") },
  "storage-absence-recorded": { status: 409, apiCode: "storage_absence_recorded", messageKey: key("errors.storageAbsence.recorded-already") },
  "no-it-service": { status: 409, apiCode: "no_it_service", messageKey: key("errors.device.no-it-service") },
  "no-reservation": { status: 409, apiCode: "invalid_state", messageKey: key("errors.device.no-reservation") },
  "not-ready-for-pickup": { status: 409, apiCode: "not_ready_for_pickup", messageKey: key("errors.device.not-ready-for-pickup") },
  "same-person": { status: 403, apiCode: "same_person", messageKey: (refusal) => `errors.${validatedRecordKind(refusal)}.same-person` },
  "failed-record": { status: 409, apiCode: "failed_record", messageKey: key("errors.wipe.failed-record") },
  "already-validated": { status: 409, apiCode: "already_validated", messageKey: (refusal) => `errors.${validatedRecordKind(refusal)}.already-validated` },
  "device-not-collected": { status: 409, apiCode: "invalid_state", messageKey: key("errors.wipe.device-not-collected") },
  "log-unreadable": { status: 422, apiCode: "unreadable_log", messageKey: key("errors.wipe.logUnreadable") },
  "request-not-open": { status: 409, apiCode: "request_not_open", messageKey: key("errors.match.request-not-open") },
  "invite-unusable": {
    status: 410,
    apiCode: "invite_unusable",
    messageKey: (refusal) => `errors.invite.${refusal.reason === "invite-unusable" ? refusal.state : "used"}`,
  },
  "confirmation-unusable": {
    status: 410,
    apiCode: "confirmation_unusable",
    messageKey: (refusal) => `errors.confirmation.${refusal.reason === "confirmation-unusable" ? refusal.state : "used"}`,
  },
  "device-not-listed": { status: 409, apiCode: "device_not_listed", messageKey: key("errors.match.device-not-listed") },
  "not-feasible": { status: 409, apiCode: "not_feasible", messageKey: key("errors.match.not-feasible") },
  "not-cancellable": { status: 409, apiCode: "not_cancellable", messageKey: key("errors.request.not-cancellable") },
  "not-submitted": { status: 409, apiCode: "not_submitted", messageKey: key("errors.request.not-submitted") },
  "not-pending": { status: 409, apiCode: "not_pending", messageKey: key("errors.organization.not-pending") },
  "email-not-failed": { status: 409, apiCode: "email_not_failed", messageKey: key("errors.outbox.not-failed") },
  "own-account": { status: 403, apiCode: "own_account", messageKey: key("errors.user.own-account") },
  "account-deactivated": { status: 409, apiCode: "account_deactivated", messageKey: key("errors.user.deactivated-already") },
  "account-active": { status: 409, apiCode: "account_active", messageKey: key("errors.user.active-already") },
  "import-missing-column": { status: 422, apiCode: "missing_column", messageKey: key("errors.import.missingSerialColumn") },
  "import-unreadable": { status: 422, apiCode: "unreadable_file", messageKey: key("errors.import.unreadableFile") },
  "import-committed": { status: 409, apiCode: "import_committed", messageKey: key("errors.import.committed") },
};

export function refusalAnswer(refusal: Refusal) {
  const answer = refusalAnswers[refusal.reason];
  return { status: answer.status, apiCode: answer.apiCode, messageKey: answer.messageKey(refusal) };
}

/** Field errors a refusal carries (duplicates and rule violations), else null. */
export function refusalFieldErrors(refusal: Refusal): FieldErrors | null {
  return refusal.reason === "duplicate" || refusal.reason === "invalid-input" ? refusal.fields : null;
}

/**
 * What a refusal found wrong in an uploaded text, in words (an nwipe log that cannot be read), and
 * the field it belongs to; null when it names no such problems.
 */
export function refusalProblems(refusal: Refusal): { field: string; problems: string[] } | null {
  return refusal.reason === "log-unreadable" ? { field: "log", problems: refusal.problems } : null;
}
