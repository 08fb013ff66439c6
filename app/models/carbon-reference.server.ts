// The writes that give devices their carbon figure (registration and edits through deviceColumns, and a
// backfill at start), and the figure's source link for the device page.
import { and, eq, isNull, ne } from "drizzle-orm";
import { devices } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { carbonColumns } from "./carbon-reference-file.server";

/**
 * Gives every device without a figure its figure (devices registered before the reference, or written by
 * a bulk loader). Distinct make/model/type triples are matched once each, so 100,000 devices of a few
 * hundred models take a moment. Returns how many devices it filled.
 */
export function backfillCarbonFigures(database: CircuitDatabase = db): number {
  const missing = and(isNull(devices.carbonSource), ne(devices.type, "other"));
  const triples = database.selectDistinct({ manufacturer: devices.manufacturer, model: devices.model, type: devices.type }).from(devices).where(missing).all();
  let filled = 0;
  for (const triple of triples) {
    const columns = carbonColumns(triple);
    if (columns.carbonSource === null) continue;
    filled += database
      .update(devices)
      .set(columns)
      .where(and(missing, eq(devices.manufacturer, triple.manufacturer), eq(devices.model, triple.model), eq(devices.type, triple.type)))
      .run().changes;
  }
  return filled;
}

/** The maker's report behind a device's figure (a link on the device page), if it has one. */
export function deviceCarbonReferenceUrl(deviceId: number, database: CircuitDatabase = db): string | null {
  return database.select({ url: devices.carbonReferenceUrl }).from(devices).where(eq(devices.id, deviceId)).get()?.url ?? null;
}
