// Pickup of reserved devices: what the technician, the recipient and the receipt read about a
// request's reserved and handed-over devices, and the writes of the pickup commands
// (app/commands/matches/prepare-pickup.server.ts, app/commands/devices/sign-handover.server.ts).
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { appSettings, deviceRequests, devices, handoverSignatures, matches, organizations, users, wipeCertificates } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";

/** The IT service's address and counter hours (null when not set), which a pickup offers by default. */
export function itServicePickupPlace(itServiceId: number, database: CircuitDatabase = db) {
  return (
    database
      .select({ name: organizations.name, address: organizations.address, openingHours: organizations.openingHours })
      .from(organizations)
      .where(and(eq(organizations.id, itServiceId), eq(organizations.kind, "it_service")))
      .get() ?? null
  );
}

const reservedDeviceColumns = {
  matchId: matches.id,
  deviceId: devices.id,
  assetTag: devices.assetTag,
  serial: devices.serial,
  manufacturer: devices.manufacturer,
  model: devices.model,
  readyAt: matches.readyAt,
  pickupLocation: matches.pickupLocation,
  pickupFrom: matches.pickupFrom,
  pickupUntil: matches.pickupUntil,
  pickupCode: matches.pickupCode,
};

/** The devices reserved for a request and not handed over yet (confirmed matches), with their pickup, oldest first. */
export function reservedDevicesOfRequest(requestId: number, database: CircuitDatabase = db) {
  return database
    .select(reservedDeviceColumns)
    .from(matches)
    .innerJoin(devices, eq(devices.id, matches.deviceId))
    .where(and(eq(matches.requestId, requestId), eq(matches.status, "confirmed")))
    .orderBy(asc(matches.id))
    .all();
}

export type ReservedDevice = ReturnType<typeof reservedDevicesOfRequest>[number];

/** The pickup a device is set ready for (its confirmed match), or null while it waits on the shelf or is not reserved. */
export function pickupOfDevice(deviceId: number, database: CircuitDatabase = db) {
  const row = database
    .select({ ...reservedDeviceColumns, requestId: matches.requestId })
    .from(matches)
    .innerJoin(devices, eq(devices.id, matches.deviceId))
    .where(and(eq(matches.deviceId, deviceId), eq(matches.status, "confirmed"), isNotNull(matches.readyAt)))
    .get();
  return row ?? null;
}

/** Marks matches ready for pickup, inside the caller's transaction. */
export function writePickupReady(
  tx: CircuitDatabase,
  matchIds: readonly number[],
  pickup: { readyAt: number; readyById: string; location: string; from: number; until: number },
): void {
  tx.update(matches)
    .set({
      readyAt: new Date(pickup.readyAt),
      readyById: pickup.readyById,
      pickupLocation: pickup.location,
      pickupFrom: new Date(pickup.from),
      pickupUntil: new Date(pickup.until),
    })
    .where(and(inArray(matches.id, [...matchIds]), eq(matches.status, "confirmed")))
    .run();
}

/** Gives every device of the request that is ready for pickup this code: one code per request, whichever device it is typed for. */
export function writeRequestPickupCode(tx: CircuitDatabase, requestId: number, code: string): void {
  tx.update(matches)
    .set({ pickupCode: code })
    .where(and(eq(matches.requestId, requestId), eq(matches.status, "confirmed"), isNotNull(matches.readyAt)))
    .run();
}

// Wrong codes are counted per request. Without a column of their own (the schema is fixed for this
// release) they live in app_settings under one key per request; the key goes when the code changes
// or is used. Move them to matches when the schema next changes.
const wrongCodesKey = (requestId: number) => `pickup-wrong-codes:request:${requestId}`;

export function wrongPickupCodes(tx: CircuitDatabase, requestId: number): number {
  const value = tx
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, wrongCodesKey(requestId)))
    .get()?.value;
  const count = Number(value);
  return Number.isInteger(count) && count > 0 ? count : 0;
}

export function writeWrongPickupCodes(tx: CircuitDatabase, requestId: number, count: number): void {
  const key = wrongCodesKey(requestId);
  tx.insert(appSettings)
    .values({ key, value: String(count) })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: String(count) } })
    .run();
}

export function clearWrongPickupCodes(tx: CircuitDatabase, requestId: number): void {
  tx.delete(appSettings)
    .where(eq(appSettings.key, wrongCodesKey(requestId)))
    .run();
}

/** Who hears about a request's pickup: the requester and, for an organization's request, its active members. */
export function pickupAudience(requestId: number, database: CircuitDatabase = db): string[] {
  const request = database
    .select({ requesterId: deviceRequests.requesterId, requesterKind: deviceRequests.requesterKind, organizationId: deviceRequests.organizationId })
    .from(deviceRequests)
    .where(eq(deviceRequests.id, requestId))
    .get();
  if (!request) return [];
  if (request.requesterKind === "employee") return [request.requesterId];
  const members = database
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, request.organizationId), eq(users.role, "recipient"), isNull(users.deactivatedAt), isNotNull(users.activatedAt)))
    .all()
    .map((member) => member.id);
  return [...new Set([request.requesterId, ...members])];
}

/** Devices reserved for this school or nonprofit (or employee), by request, with their pickup (never the code). */
export function listPickupsFor(holder: { organizationId: number } | { userId: string }) {
  const rows = db
    .select({
      requestId: matches.requestId,
      deviceId: devices.id,
      assetTag: devices.assetTag,
      manufacturer: devices.manufacturer,
      model: devices.model,
      readyAt: matches.readyAt,
      pickupLocation: matches.pickupLocation,
      pickupFrom: matches.pickupFrom,
      pickupUntil: matches.pickupUntil,
    })
    .from(matches)
    .innerJoin(devices, eq(devices.id, matches.deviceId))
    .innerJoin(deviceRequests, eq(deviceRequests.id, matches.requestId))
    .where(
      and(
        eq(matches.status, "confirmed"),
        "organizationId" in holder
          ? and(eq(deviceRequests.organizationId, holder.organizationId), eq(deviceRequests.requesterKind, "organization"))
          : and(eq(deviceRequests.requesterId, holder.userId), eq(deviceRequests.requesterKind, "employee")),
      ),
    )
    .orderBy(asc(matches.requestId), asc(matches.id))
    .all();
  const byRequest = new Map<number, { requestId: number; ready: typeof rows; waiting: typeof rows }>();
  for (const row of rows) {
    const group = byRequest.get(row.requestId) ?? { requestId: row.requestId, ready: [], waiting: [] };
    (row.readyAt ? group.ready : group.waiting).push(row);
    byRequest.set(row.requestId, group);
  }
  return [...byRequest.values()];
}

/** Requests of this holder with at least one device handed over: each has a receipt. */
export function requestsWithReceipts(holder: { organizationId: number } | { userId: string }): number[] {
  return db
    .selectDistinct({ requestId: matches.requestId })
    .from(matches)
    .innerJoin(deviceRequests, eq(deviceRequests.id, matches.requestId))
    .where(
      and(
        eq(matches.status, "handed-over"),
        "organizationId" in holder
          ? and(eq(deviceRequests.organizationId, holder.organizationId), eq(deviceRequests.requesterKind, "organization"))
          : and(eq(deviceRequests.requesterId, holder.userId), eq(deviceRequests.requesterKind, "employee")),
      ),
    )
    .orderBy(desc(matches.requestId))
    .all()
    .map((row) => row.requestId);
}

/** The request a device was last handed over for (its receipt), or null when it never was. */
export function receiptRequestOfDevice(deviceId: number): number | null {
  return (
    db
      .select({ requestId: matches.requestId })
      .from(matches)
      .where(and(eq(matches.deviceId, deviceId), eq(matches.status, "handed-over")))
      .orderBy(desc(matches.id))
      .get()?.requestId ?? null
  );
}

/**
 * What the handover receipt of a request prints: each device handed over for it, with its serial, asset
 * tag and the wipe certificate it left with (the latest issued before the handover), who signed and when.
 */
export function handoverReceiptLines(requestId: number) {
  const handedOver = db
    .select({
      deviceId: devices.id,
      assetTag: devices.assetTag,
      serial: devices.serial,
      manufacturer: devices.manufacturer,
      model: devices.model,
      type: devices.type,
      signedByName: handoverSignatures.signedByName,
      signedAt: handoverSignatures.signedAt,
      recordedByName: users.name,
    })
    .from(matches)
    .innerJoin(devices, eq(devices.id, matches.deviceId))
    .innerJoin(handoverSignatures, eq(handoverSignatures.matchId, matches.id))
    .innerJoin(users, eq(users.id, handoverSignatures.recordedById))
    .where(and(eq(matches.requestId, requestId), eq(matches.status, "handed-over")))
    .orderBy(asc(handoverSignatures.signedAt), asc(devices.assetTag))
    .all();
  return handedOver.map((line) => ({
    ...line,
    certificateNumber:
      db
        .select({ number: wipeCertificates.number })
        .from(wipeCertificates)
        .where(and(eq(wipeCertificates.deviceId, line.deviceId), lte(wipeCertificates.issuedAt, line.signedAt)))
        .orderBy(desc(wipeCertificates.issuedAt), desc(wipeCertificates.id))
        .get()?.number ?? null,
  }));
}

export type HandoverReceiptLine = ReturnType<typeof handoverReceiptLines>[number];

/**
 * What a technician's device page needs for the pickup of a reserved device: the request's reserved
 * devices, the place offered by default (the technician's IT service) and the pickup once set.
 */
export function technicianPickupOf(deviceId: number, itServiceId: number) {
  const request = db
    .select({ requestId: matches.requestId })
    .from(matches)
    .where(and(eq(matches.deviceId, deviceId), eq(matches.status, "confirmed")))
    .get();
  if (!request) return null;
  const devicesOfRequest = reservedDevicesOfRequest(request.requestId);
  const own = devicesOfRequest.find((device) => device.deviceId === deviceId);
  return {
    requestId: request.requestId,
    devices: devicesOfRequest,
    itService: itServicePickupPlace(itServiceId),
    ready:
      own?.readyAt && own.pickupLocation && own.pickupFrom && own.pickupUntil
        ? { location: own.pickupLocation, from: own.pickupFrom.getTime(), until: own.pickupUntil.getTime(), code: own.pickupCode }
        : null,
  };
}
