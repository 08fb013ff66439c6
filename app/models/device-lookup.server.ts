// The scan box's lookup: the devices a scanned label URL, asset tag or serial (of the device or of one
// of its drives) names, within the registry the person sees. Tags and serials match whatever their case.
import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { devices, organizations, storageMedia } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { scanTarget } from "~/domain/scan";
import type { DeviceScope } from "~/domain/scope";

export type ScanMatch = {
  id: number;
  assetTag: string;
  serial: string;
  manufacturer: string;
  model: string;
  status: (typeof devices.$inferSelect)["status"];
  departmentName: string;
};

/** More than this many devices for one code is a list, not an answer: the page shows this many. */
const MAX_MATCHES = 20;

function inRegistry(scope: Extract<DeviceScope, { kind: "all" } | { kind: "department" }>): SQL | undefined {
  return scope.kind === "department" ? eq(devices.departmentId, scope.departmentId) : undefined;
}

/** Tags and serials as typed, in capitals or in small letters (the indexes); `caseless` also any other mix (a full scan). */
function codeCondition(code: string, caseless: boolean): SQL {
  const variants = [...new Set([code, code.toUpperCase(), code.toLowerCase()])];
  const lowered = code.toLowerCase();
  const mediumSerial = caseless ? sql`lower(${storageMedia.serial}) = ${lowered}` : inArray(storageMedia.serial, variants);
  const mediumDevices = db.select({ deviceId: storageMedia.deviceId }).from(storageMedia).where(mediumSerial);
  const deviceCodes = caseless
    ? [sql`lower(${devices.assetTag}) = ${lowered}`, sql`lower(${devices.serial}) = ${lowered}`]
    : [inArray(devices.assetTag, variants), inArray(devices.serial, variants)];
  return or(...deviceCodes, inArray(devices.id, mediumDevices))!;
}

/** The devices `query` names, in the scope, asset tag order; at most MAX_MATCHES. */
export function findDevicesForScan(
  query: string,
  scope: Extract<DeviceScope, { kind: "all" } | { kind: "department" }>,
  database: CircuitDatabase = db,
): ScanMatch[] {
  const target = scanTarget(query);
  if (!target) return [];
  const select = (named: SQL) =>
    database
      .select({
        id: devices.id,
        assetTag: devices.assetTag,
        serial: devices.serial,
        manufacturer: devices.manufacturer,
        model: devices.model,
        status: devices.status,
        departmentName: organizations.name,
      })
      .from(devices)
      .innerJoin(organizations, eq(organizations.id, devices.departmentId))
      .where(and(named, inRegistry(scope)))
      .orderBy(asc(devices.assetTag))
      .limit(MAX_MATCHES)
      .all();
  if (target.kind === "public-id") return select(eq(devices.publicId, target.publicId));
  const found = select(codeCondition(target.code, false));
  return found.length > 0 ? found : select(codeCondition(target.code, true));
}

/** The id of the device a label's public id names, when it is in the registry the person sees (the staff link on /verify). */
export function registryDeviceByPublicId(
  publicId: string,
  scope: Extract<DeviceScope, { kind: "all" } | { kind: "department" }>,
  database: CircuitDatabase = db,
): { id: number; assetTag: string } | null {
  return (
    database
      .select({ id: devices.id, assetTag: devices.assetTag })
      .from(devices)
      .where(and(eq(devices.publicId, publicId), inRegistry(scope)))
      .get() ?? null
  );
}
