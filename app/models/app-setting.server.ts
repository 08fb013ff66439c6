// Values the app decides for itself once and keeps across restarts (the generated cookie secret).
import { eq } from "drizzle-orm";
import { appSettings } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";

/**
 * The stored value under `key`; on first use, `initial()` is stored and returned. Two processes
 * starting at once agree: the first insert wins and both read it back.
 */
export function settingOrInitial(key: string, initial: () => string, database: CircuitDatabase = db): string {
  const stored = () => database.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).get()?.value;
  const existing = stored();
  if (existing !== undefined) return existing;
  database.insert(appSettings).values({ key, value: initial() }).onConflictDoNothing().run();
  const value = stored();
  if (value === undefined) throw new Error(`The setting ${key} was neither stored nor found.`);
  return value;
}
