// In-app notifications, each with an e-mail in the outbox, in the person's own language.
import { desc, eq } from "drizzle-orm";
import { notifications, users } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { lookupTranslation } from "~/i18n/lookup";
import { queueEmail } from "./outbox.server";

import type { NotificationKind } from "~/domain/notifications";

export { notificationKinds, type NotificationKind } from "~/domain/notifications";

function fill(template: string | undefined, values: Record<string, string>): string {
  return (template ?? "").replace(/\{\{(\w+)\}\}/g, (_match, name: string) => values[name] ?? "");
}

/** Notifies one person in the app and by e-mail (queued in the outbox). */
export function notify(userId: string, kind: NotificationKind, values: Record<string, string>, link: string | null, database: CircuitDatabase = db): void {
  const person = database.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId)).get();
  if (!person) return;
  database
    .insert(notifications)
    .values({ userId, kind, values: JSON.stringify(values), link })
    .run();
  const language = isSupportedLanguage(person.locale) ? person.locale : defaultLanguage;
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
