// Matching listed devices to approved requests (the engine is app/domain/matching.ts), the
// reservation a confirmed match holds, and the writes the matching and handover commands make inside
// their transaction (app/commands/matches/, app/commands/devices/).
import { and, desc, eq } from "drizzle-orm";
import { deviceRequests, devices, handoverSignatures, matches } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { fittingDevices, runMatching, type ExcludedPair, type MatchableDevice, type MatchableRequest } from "~/domain/matching";
import { openSlots, statusAfterFulfilment } from "~/domain/requests";
import { getRequest, openRequestsForMatching, type RequestView } from "./request.server";

function listedDevicesForMatching(): MatchableDevice[] {
  return listedDevicesForBoard().map(({ id, type, ramGb, storageGb, screenInches, keyboardLayout, listedAt }) => ({
    id,
    type,
    ramGb,
    storageGb,
    screenInches,
    keyboardLayout,
    listedAt,
  }));
}

/** Listed devices with what the board shows of them. */
function listedDevicesForBoard() {
  return db
    .select({
      id: devices.id,
      type: devices.type,
      ramGb: devices.ramGb,
      storageGb: devices.storageGb,
      screenInches: devices.screenInches,
      keyboardLayout: devices.keyboardLayout,
      listedAt: devices.updatedAt,
      assetTag: devices.assetTag,
      manufacturer: devices.manufacturer,
      model: devices.model,
      grade: devices.conditionGrade,
    })
    .from(devices)
    .where(eq(devices.status, "listed"))
    .orderBy(devices.assetTag)
    .all()
    .map((device) => ({ ...device, listedAt: device.listedAt.getTime() }));
}

/** A request as the engine sees it: open slots, minimums, priority, and waiting since approval. */
export function matchableRequestOf(request: RequestView): MatchableRequest {
  return {
    id: request.id,
    type: request.type,
    openSlots: openSlots(request),
    minRamGb: request.minRamGb,
    minStorageGb: request.minStorageGb,
    minScreenInches: request.minScreenInches,
    keyboardLayout: request.keyboardLayout,
    priority: request.priority ?? 0,
    waitingSince: (request.reviewedAt ?? request.createdAt).getTime(),
  };
}

/** Proposes an optimal assignment, without the pairs the coordinator dismissed; changes nothing. */
export function proposeMatches(now: number = Date.now(), excluded: readonly ExcludedPair[] = []) {
  return runMatching(listedDevicesForMatching(), openRequestsForMatching().map(matchableRequestOf), now, excluded);
}

/**
 * Everything the match board shows: the engine's result without the dismissed pairs, the listed
 * devices and open requests it speaks of, and per open request the devices that fit it (the
 * engine's own hard constraints) for a choice by hand.
 */
export function matchBoard(now: number = Date.now(), excluded: readonly ExcludedPair[] = []) {
  const listed = listedDevicesForBoard();
  const open = openRequestsForMatching();
  const result = runMatching(
    listed.map(({ id, type, ramGb, storageGb, screenInches, keyboardLayout, listedAt }) => ({
      id,
      type,
      ramGb,
      storageGb,
      screenInches,
      keyboardLayout,
      listedAt,
    })),
    open.map(matchableRequestOf),
    now,
    excluded,
  );
  const devicesById = new Map(listed.map((device) => [device.id, device]));
  const requests = open.map((request) => ({
    id: request.id,
    organizationName: request.requesterKind === "employee" ? request.requesterName : request.organizationName,
    type: request.type,
    quantity: request.quantity,
    openSlots: request.openSlots,
    minRamGb: request.minRamGb,
    minStorageGb: request.minStorageGb,
    priority: request.priority,
    fittingDeviceIds: fittingDevices(listed, matchableRequestOf(request)).map((device) => device.id),
  }));
  return { result, devices: [...devicesById.values()], requests };
}

/** Devices reserved by confirmed matches, newest first, with whether the coordinator chose them by hand. */
export function listConfirmedMatches(limit = 50) {
  return db
    .select({
      matchId: matches.id,
      deviceId: devices.id,
      assetTag: devices.assetTag,
      requestId: matches.requestId,
      manual: matches.manual,
      manualReason: matches.manualReason,
      confirmedAt: matches.confirmedAt,
    })
    .from(matches)
    .innerJoin(devices, eq(devices.id, matches.deviceId))
    .where(eq(matches.status, "confirmed"))
    .orderBy(desc(matches.confirmedAt), desc(matches.id))
    .limit(limit)
    .all();
}

function activeMatch(deviceId: number, database: CircuitDatabase = db) {
  return (
    database
      .select()
      .from(matches)
      .where(and(eq(matches.deviceId, deviceId), eq(matches.status, "confirmed")))
      .get() ?? null
  );
}

export type ReservationView = {
  matchId: number;
  requestId: number;
  recipientName: string;
  requesterKind: "organization" | "employee";
  /** The coordinator chose this device by hand rather than confirming the engine's proposal. */
  manual: boolean;
  manualReason: string | null;
} | null;

/** For whom a reserved device is held. */
export function reservationOf(deviceId: number): ReservationView {
  const match = activeMatch(deviceId);
  if (!match) return null;
  const request = getRequest(match.requestId);
  if (!request) return null;
  return {
    matchId: match.id,
    requestId: request.id,
    recipientName: request.requesterKind === "employee" ? request.requesterName : request.organizationName,
    requesterKind: request.requesterKind,
    manual: match.manual,
    manualReason: match.manualReason,
  };
}

/**
 * The confirmed match that reserves the device and the request it serves, read in the caller's
 * transaction; null when the device is not reserved for a request.
 */
export function reservationFacts(deviceId: number, database: CircuitDatabase = db) {
  return (
    database
      .select({
        matchId: matches.id,
        requestId: deviceRequests.id,
        requesterId: deviceRequests.requesterId,
        requesterKind: deviceRequests.requesterKind,
        organizationId: deviceRequests.organizationId,
      })
      .from(matches)
      .innerJoin(deviceRequests, eq(deviceRequests.id, matches.requestId))
      .where(and(eq(matches.deviceId, deviceId), eq(matches.status, "confirmed")))
      .get() ?? null
  );
}

/** Closes a confirmed match (the device was released or handed over), inside the caller's transaction. */
export function closeMatch(tx: CircuitDatabase, matchId: number, status: "released" | "handed-over", now: number): void {
  tx.update(matches)
    .set({ status, closedAt: new Date(now) })
    .where(eq(matches.id, matchId))
    .run();
}

/** Stores a handover signature (the typed name stays out of the hashed ledger); returns its id. */
export function insertHandoverSignature(
  tx: CircuitDatabase,
  signature: { deviceId: number; matchId: number; signedByName: string; signedByUserId: string | null; recordedById: string; signedAt: number },
): number {
  return tx
    .insert(handoverSignatures)
    .values({ ...signature, signedByName: signature.signedByName.trim(), signedAt: new Date(signature.signedAt) })
    .returning({ id: handoverSignatures.id })
    .get().id;
}

/**
 * Counts one more device handed over for the request, from the row as it is inside the caller's
 * transaction (parallel handovers all count); a cancelled request stays cancelled.
 */
export function countFulfilment(tx: CircuitDatabase, requestId: number): void {
  const current = tx
    .select({ fulfilled: deviceRequests.fulfilled, quantity: deviceRequests.quantity, status: deviceRequests.status })
    .from(deviceRequests)
    .where(eq(deviceRequests.id, requestId))
    .get();
  if (!current) return;
  const fulfilled = current.fulfilled + 1;
  const status = current.status === "cancelled" ? "cancelled" : statusAfterFulfilment(current.quantity, fulfilled);
  tx.update(deviceRequests).set({ fulfilled, status }).where(eq(deviceRequests.id, requestId)).run();
}

/** Devices reserved for this school or nonprofit (or this employee), waiting for the recipient's signature. */
export function listReservedFor(holder: { organizationId: number } | { userId: string }) {
  return db
    .select({ id: devices.id, assetTag: devices.assetTag, manufacturer: devices.manufacturer, model: devices.model, requestId: matches.requestId })
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
    .all();
}
