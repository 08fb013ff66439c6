// In-app notifications, each with an e-mail in the outbox, in the person's own language.
import { and, desc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { notifications, storageAbsenceRecords, users, wipeRecords } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { defaultLanguage, isSupportedLanguage, type Language } from "~/i18n/config";
import { lookupTranslation } from "~/i18n/lookup";
import { queueEmail } from "./outbox.server";

import type { NotificationKind } from "~/domain/notifications";
import type { Role } from "~/domain/organizations";

export { notificationKinds, type NotificationKind } from "~/domain/notifications";

function fill(template: string | undefined, values: Record<string, string>): string {
  return (template ?? "").replace(/\{\{(\w+)\}\}/g, (_match, name: string) => values[name] ?? "");
}

/** Values for a message's placeholders; a function of the person's language where they hold dates or numbers. */
export type NotificationValues = Record<string, string> | ((language: Language) => Record<string, string>);

/** Notifies one person in the app and by e-mail (queued in the outbox). */
export function notify(userId: string, kind: NotificationKind, valuesFor: NotificationValues, link: string | null, database: CircuitDatabase = db): void {
  const person = database.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId)).get();
  if (!person) return;
  const language = isSupportedLanguage(person.locale) ? person.locale : defaultLanguage;
  const values = typeof valuesFor === "function" ? valuesFor(language) : valuesFor;
  database
    .insert(notifications)
    .values({ userId, kind, values: JSON.stringify(values), link })
    .run();
  queueEmail(
    {
      to: person.email,
      subject: fill(lookupTranslation(language, `notifications.${kind}.title`), values),
      body: fill(lookupTranslation(language, `notifications.${kind}.body`), values),
      language,
      ...(link ? { link: { href: link } } : {}),
    },
    database,
  );
}

/**
 * Tells every active member of a role, in the app only (work waiting, shown on their home page; one
 * e-mail per wipe to every technician would bury the mail that matters), except `exceptUserId`. An
 * unread notification of the same kind about the same page is not repeated.
 */
export function notifyRoleInApp(
  role: Role,
  kind: NotificationKind,
  values: Record<string, string>,
  link: string,
  options: { exceptUserId?: string } = {},
  database: CircuitDatabase = db,
): void {
  const recipients = database
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, role),
        isNull(users.deactivatedAt),
        isNotNull(users.activatedAt),
        options.exceptUserId === undefined ? undefined : ne(users.id, options.exceptUserId),
      ),
    )
    .all();
  for (const recipient of recipients) {
    const unreadAlready = database
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, recipient.id), isNull(notifications.readAt), eq(notifications.kind, kind), eq(notifications.link, link)))
      .get();
    if (unreadAlready) continue;
    database
      .insert(notifications)
      .values({ userId: recipient.id, kind, values: JSON.stringify(values), link })
      .run();
  }
}

/**
 * Once nothing on the device waits for a second technician any more (every passing record and its
 * no-storage record validated), the "waits for your validation" notifications about it are settled:
 * marked read for everyone, so nobody is sent to validate what a colleague already did.
 */
export function settleValidationNotices(tx: CircuitDatabase, deviceId: number, at: number): void {
  const waitingWipe = tx
    .select({ id: wipeRecords.id })
    .from(wipeRecords)
    .where(and(eq(wipeRecords.deviceId, deviceId), eq(wipeRecords.result, "pass"), isNull(wipeRecords.validatedById)))
    .get();
  const waitingAbsence = tx
    .select({ id: storageAbsenceRecords.id })
    .from(storageAbsenceRecords)
    .where(and(eq(storageAbsenceRecords.deviceId, deviceId), isNull(storageAbsenceRecords.validatedById)))
    .get();
  if (waitingWipe || waitingAbsence) return;
  tx.update(notifications)
    .set({ readAt: new Date(at) })
    .where(and(eq(notifications.kind, "wipeAwaitsValidation"), eq(notifications.link, `/devices/${deviceId}`), isNull(notifications.readAt)))
    .run();
}

export type NotificationView = { id: number; kind: string; values: Record<string, string>; link: string | null; createdAt: Date; read: boolean };

function parseValues(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
}

export function listNotifications(userId: string, limit = 20): NotificationView[] {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all()
    .map((row) => ({ id: row.id, kind: row.kind, values: parseValues(row.values), link: row.link, createdAt: row.createdAt, read: row.readAt !== null }));
}
