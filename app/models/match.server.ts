// Matching listed devices to approved requests (the engine is app/domain/matching.ts), confirming a
// proposal (which reserves the device), and what follows: handover with a signature, release, return.
import { and, eq } from "drizzle-orm";
import { deviceRequests, devices, handoverSignatures, matches } from "~db/schema";
import { db } from "~/db.server";
import type { Holder, UserActor } from "~/domain/lifecycle";
import { feasible, pairScore, runMatching, type MatchableDevice, type MatchableRequest } from "~/domain/matching";
import { can } from "~/domain/permissions";
import { openSlots, statusAfterFulfilment } from "~/domain/requests";
import { applyTransition, getDevice, itServiceIdFor, type DeviceMutationResult } from "./device.server";
import { notify } from "./notification.server";
import { getRequest, openRequestsForMatching, type RequestView } from "./request.server";

function listedDevicesForMatching(): MatchableDevice[] {
  return db
    .select({
      id: devices.id,
      type: devices.type,
      ramGb: devices.ramGb,
      storageGb: devices.storageGb,
      screenInches: devices.screenInches,
      keyboardLayout: devices.keyboardLayout,
      listedAt: devices.updatedAt,
    })
    .from(devices)
    .where(eq(devices.status, "listed"))
    .all()
    .map((device) => ({ ...device, listedAt: device.listedAt.getTime() }));
}

/** A request as the engine sees it: open slots, minimums, priority, and waiting since approval. */
function matchableRequestOf(request: RequestView): MatchableRequest {
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

/** Proposes an optimal assignment; changes nothing. */
export function proposeMatches(now: number = Date.now()) {
  return runMatching(listedDevicesForMatching(), openRequestsForMatching().map(matchableRequestOf), now);
}

class RequestFullError extends Error {}

export type ConfirmResult = DeviceMutationResult | { ok: false; reason: "request-not-open" } | { ok: false; reason: "not-feasible" };

/**
 * Confirms one proposal: the device becomes `reserved` for the request. The device's conditional
 * state change lets exactly one of several simultaneous confirmations win; the request's open
 * slots are counted again inside the same transaction.
 */
export function confirmMatch(deviceId: number, requestId: number, coordinator: UserActor, now: number = Date.now()): ConfirmResult {
  // Reserving is also how an employee's purchase starts; confirming a match is the coordinator's.
  if (!can({ role: coordinator.role, organizationStatus: coordinator.organizationStatus }, "match.confirm")) return { ok: false, reason: "forbidden" };
  const request = getRequest(requestId);
  const device = getDevice(deviceId);
  if (!request || !device) return { ok: false, reason: "not-found" };
  if (openSlots(request) === 0) return { ok: false, reason: "request-not-open" };
  if (device.status !== "listed") return { ok: false, reason: "invalid-state", status: device.status };
  const matchable = { ...device, listedAt: device.updatedAt.getTime() };
  const matchableRequest = matchableRequestOf(request);
  if (!feasible(matchable, matchableRequest)) return { ok: false, reason: "not-feasible" };
  const explanation = pairScore(matchable, matchableRequest, now);

  let result: DeviceMutationResult;
  try {
    result = applyTransition(deviceId, { action: "reserve", requestId }, coordinator, now, (tx) => {
      const current = getRequest(requestId);
      if (!current || openSlots(current) === 0) throw new RequestFullError();
      tx.insert(matches)
        .values({
          deviceId,
          requestId,
          score: explanation?.total ?? 0,
          explanation: JSON.stringify(explanation),
          status: "confirmed",
          confirmedById: coordinator.userId,
          confirmedAt: new Date(now),
        })
        .run();
    });
  } catch (error) {
    if (error instanceof RequestFullError) return { ok: false, reason: "request-not-open" };
    throw error;
  }
  if (result.ok) notify(request.requesterId, "matchConfirmed", { request: `#${request.id}`, device: `${device.manufacturer} ${device.model}` }, "/", db);
  return result;
}

function activeMatch(deviceId: number) {
  return (
    db
      .select()
      .from(matches)
      .where(and(eq(matches.deviceId, deviceId), eq(matches.status, "confirmed")))
      .get() ?? null
  );
}

export type ReservationView = { matchId: number; requestId: number; recipientName: string; requesterKind: "organization" | "employee" } | null;

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
  };
}

export type HandoverResult = DeviceMutationResult | { ok: false; reason: "no-reservation" };

/**
 * Records the handover: the recipient's representative signed (typed full name, time recorded).
 * The device goes to the recipient organization (or the employee), the request's fulfilled count
 * rises. The signature lives in its own table; the custody event refers to it by id only.
 */
export function recordHandover(
  deviceId: number,
  signedByName: string,
  actor: UserActor,
  signedByUserId: string | null = null,
  now: number = Date.now(),
): HandoverResult {
  const match = activeMatch(deviceId);
  const request = match ? getRequest(match.requestId) : null;
  if (!match || !request) return { ok: false, reason: "no-reservation" };
  if (signedByName.trim() === "") return { ok: false, reason: "missing-detail", field: "signedBy" };
  const recipient: Holder =
    request.requesterKind === "employee" ? { kind: "employee", userId: request.requesterId } : { kind: "organization", organizationId: request.organizationId };

  // The signature is stored first so that its id can enter the custody event; it is removed again
  // if the handover does not go through.
  const signature = db
    .insert(handoverSignatures)
    .values({ deviceId, matchId: match.id, signedByName: signedByName.trim(), signedByUserId, signedAt: new Date(now), recordedById: actor.userId })
    .returning({ id: handoverSignatures.id })
    .get();
  let result: DeviceMutationResult;
  try {
    result = applyTransition(deviceId, { action: "handover", recipient, signatureId: signature.id }, actor, now, (tx) => {
      tx.update(matches)
        .set({ status: "handed-over", closedAt: new Date(now) })
        .where(eq(matches.id, match.id))
        .run();
      // Counted from the row as it is now, inside the transaction: parallel handovers all count.
      const current = tx
        .select({ fulfilled: deviceRequests.fulfilled, quantity: deviceRequests.quantity, status: deviceRequests.status })
        .from(deviceRequests)
        .where(eq(deviceRequests.id, request.id))
        .get();
      const fulfilled = (current?.fulfilled ?? request.fulfilled) + 1;
      const status = current?.status === "cancelled" ? "cancelled" : statusAfterFulfilment(current?.quantity ?? request.quantity, fulfilled);
      tx.update(deviceRequests).set({ fulfilled, status }).where(eq(deviceRequests.id, request.id)).run();
    });
  } catch (error) {
    db.delete(handoverSignatures).where(eq(handoverSignatures.id, signature.id)).run();
    throw error;
  }
  if (!result.ok) {
    db.delete(handoverSignatures).where(eq(handoverSignatures.id, signature.id)).run();
    return result;
  }
  notify(
    request.requesterId,
    "handoverRecorded",
    { request: `#${request.id}`, device: `${result.device.manufacturer} ${result.device.model}`, assetTag: result.device.assetTag },
    "/",
    db,
  );
  return result;
}

/** A handover fell through: the device is listed again and the request's slot opens. */
export function releaseReservation(deviceId: number, reason: string, actor: UserActor, now: number = Date.now()): DeviceMutationResult {
  const match = activeMatch(deviceId);
  return applyTransition(deviceId, { action: "release", reason }, actor, now, (tx) => {
    if (match)
      tx.update(matches)
        .set({ status: "released", closedAt: new Date(now) })
        .where(eq(matches.id, match.id))
        .run();
  });
}

/** A recipient or coordinator brings a device back: collected by the IT service, to be wiped again. */
export function returnDevice(deviceId: number, actor: UserActor, reason: string | undefined, now: number = Date.now()): DeviceMutationResult {
  const itServiceId = itServiceIdFor(actor);
  if (itServiceId === null) return { ok: false, reason: "conflict" };
  return applyTransition(deviceId, { action: "return", itServiceId, reason }, actor, now);
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
