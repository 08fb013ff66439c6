// Inventory imports in the database: the uploaded file kept between preview and commit, the column
// mappings remembered by headers, and the devices a file's rows may already be (by asset tag or serial).
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { deviceImports, devices, importColumnMappings, organizations, storageMedia, users } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";

export type DeviceImportRecord = typeof deviceImports.$inferSelect;
export type ExistingDevice = typeof devices.$inferSelect & { mediaSerials: string[] };

export function insertDeviceImport(
  tx: CircuitDatabase,
  row: { departmentId: number; createdById: string; fileName: string; csvText: string; now: number },
): number {
  return tx
    .insert(deviceImports)
    .values({ departmentId: row.departmentId, createdById: row.createdById, fileName: row.fileName, csvText: row.csvText, createdAt: new Date(row.now) })
    .returning({ id: deviceImports.id })
    .get().id;
}

export function getDeviceImport(importId: number, database: CircuitDatabase = db): DeviceImportRecord | null {
  return database.select().from(deviceImports).where(eq(deviceImports.id, importId)).get() ?? null;
}

export function writeImportChoices(tx: CircuitDatabase, importId: number, choices: unknown): void {
  tx.update(deviceImports)
    .set({ choices: JSON.stringify(choices) })
    .where(and(eq(deviceImports.id, importId), eq(deviceImports.status, "preview")))
    .run();
}

/** Marks the upload committed with its outcome; false when another commit was first. */
export function markImportCommitted(tx: CircuitDatabase, importId: number, choices: unknown, result: unknown, now: number): boolean {
  const written = tx
    .update(deviceImports)
    .set({ status: "committed", choices: JSON.stringify(choices), result: JSON.stringify(result), committedAt: new Date(now) })
    .where(and(eq(deviceImports.id, importId), eq(deviceImports.status, "preview")))
    .run();
  return written.changes === 1;
}

/** The mapping chosen last time for a file with these headers (header → field or "ignore"). */
export function rememberedColumns(headersKey: string, database: CircuitDatabase = db): Record<string, string> {
  const row = database
    .select({ columns: importColumnMappings.columns })
    .from(importColumnMappings)
    .where(eq(importColumnMappings.headersKey, headersKey))
    .get();
  if (!row) return {};
  const parsed: unknown = JSON.parse(row.columns);
  if (typeof parsed !== "object" || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export function rememberColumns(tx: CircuitDatabase, headersKey: string, columns: Record<string, string>, userId: string, now: number): void {
  const values = { headersKey, columns: JSON.stringify(columns), updatedById: userId, updatedAt: new Date(now) };
  tx.insert(importColumnMappings)
    .values(values)
    .onConflictDoUpdate({ target: importColumnMappings.headersKey, set: { columns: values.columns, updatedById: userId, updatedAt: values.updatedAt } })
    .run();
}

const CHUNK = 500;

/** The devices carrying any of these asset tags or serials, read in chunks (SQLite limits a statement's parameters). */
export function existingDevices(
  assetTags: string[],
  serials: string[],
  database: CircuitDatabase = db,
): { byAssetTag: Map<string, ExistingDevice>; bySerial: Map<string, ExistingDevice> } {
  const found = new Map<number, ExistingDevice>();
  const read = (column: typeof devices.assetTag | typeof devices.serial, values: string[]) => {
    for (let start = 0; start < values.length; start += CHUNK) {
      for (const row of database
        .select()
        .from(devices)
        .where(inArray(column, values.slice(start, start + CHUNK)))
        .all())
        found.set(row.id, { ...row, mediaSerials: [] });
    }
  };
  read(devices.assetTag, [...new Set(assetTags)]);
  read(devices.serial, [...new Set(serials)]);
  const ids = [...found.keys()];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const media = database
      .select({ deviceId: storageMedia.deviceId, serial: storageMedia.serial })
      .from(storageMedia)
      .where(inArray(storageMedia.deviceId, ids.slice(start, start + CHUNK)))
      .all();
    for (const medium of media) found.get(medium.deviceId)?.mediaSerials.push(medium.serial);
  }
  const byAssetTag = new Map<string, ExistingDevice>();
  const bySerial = new Map<string, ExistingDevice>();
  for (const device of found.values()) {
    byAssetTag.set(device.assetTag, device);
    bySerial.set(device.serial, device);
  }
  return { byAssetTag, bySerial };
}

/** Keeps an imported row's free notes on its device (the registration form has no such field). */
export function writeDeviceNotes(tx: CircuitDatabase, deviceId: number, notes: string | null): void {
  tx.update(devices)
    .set({ notes, updatedAt: sql`${devices.updatedAt}` })
    .where(eq(devices.id, deviceId))
    .run();
}

/** The department of this name (the CLI's --department), or null. */
export function departmentNamed(name: string, database: CircuitDatabase = db): number | null {
  return (
    database
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kind, "department"), sql`lower(${organizations.name}) = lower(${name.trim()})`))
      .get()?.id ?? null
  );
}

/** Who an operator's CLI import acts as: the first active coordinator (the custody events name them). */
export function operatorCoordinatorId(database: CircuitDatabase = db): string | null {
  return (
    database
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "coordinator"), isNull(users.deactivatedAt)))
      .orderBy(users.createdAt)
      .get()?.id ?? null
  );
}
