// Exports read in batches by key (id, seq), so that a streamed CSV of 100,000 devices or a million
// custody events never holds more than one batch: each batch is one short query, and the connection
// is free between batches for every other request.
import { and, asc, eq, gt, like, or, type SQL } from "drizzle-orm";
import { custodyEvents, devices, organizations } from "~db/schema";
import { db } from "~/db.server";
import type { DeviceScope } from "~/domain/scope";
import type { DeviceStatus } from "~/domain/lifecycle";
import type { DeviceType } from "~/domain/devices";

const BATCH = 1000;

export type DeviceExportFilters = { status?: DeviceStatus; type?: DeviceType; departmentId?: number; q?: string };

export const deviceExportHeader = [
  "assetTag",
  "serial",
  "manufacturer",
  "model",
  "type",
  "status",
  "department",
  "cpu",
  "ramGb",
  "storageGb",
  "screenInches",
  "keyboardLayout",
  "conditionGrade",
  "purchaseDate",
  "purchasePriceCents",
  "notes",
] as const;

/** The devices in scope matching the list's filters, one CSV row each, in id order. */
export function* deviceExportRows(scope: DeviceScope, filters: DeviceExportFilters): Generator<(string | number | null)[]> {
  const conditions: SQL[] = [];
  if (scope.kind === "department") conditions.push(eq(devices.departmentId, scope.departmentId));
  else if (scope.kind !== "all") return;
  if (filters.status) conditions.push(eq(devices.status, filters.status));
  if (filters.type) conditions.push(eq(devices.type, filters.type));
  if (filters.departmentId) conditions.push(eq(devices.departmentId, filters.departmentId));
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[%_]/g, "")}%`;
    conditions.push(or(like(devices.assetTag, pattern), like(devices.serial, pattern), like(devices.model, pattern), like(devices.manufacturer, pattern))!);
  }
  let afterId = 0;
  for (;;) {
    const batch = db
      .select({ device: devices, department: organizations.name })
      .from(devices)
      .innerJoin(organizations, eq(organizations.id, devices.departmentId))
      .where(and(gt(devices.id, afterId), ...conditions))
      .orderBy(asc(devices.id))
      .limit(BATCH)
      .all();
    for (const { device, department } of batch) {
      yield [
        device.assetTag,
        device.serial,
        device.manufacturer,
        device.model,
        device.type,
        device.status,
        department,
        device.cpu,
        device.ramGb,
        device.storageGb,
        device.screenInches,
        device.keyboardLayout,
        device.conditionGrade,
        device.purchaseDate,
        device.purchasePriceCents,
        device.notes,
      ];
    }
    if (batch.length < BATCH) return;
    afterId = batch[batch.length - 1]!.device.id;
  }
}

export const ledgerExportHeader = [
  "seq",
  "deviceId",
  "type",
  "fromStatus",
  "toStatus",
  "fromHolder",
  "toHolder",
  "actorId",
  "at",
  "details",
  "prevHash",
  "hash",
] as const;

/** The whole custody ledger in chain order, each event with its previous hash and its hash, as stored. */
export function* ledgerExportRows(): Generator<(string | number | null)[]> {
  let afterSeq = 0;
  for (;;) {
    const batch = db.select().from(custodyEvents).where(gt(custodyEvents.seq, afterSeq)).orderBy(asc(custodyEvents.seq)).limit(BATCH).all();
    for (const event of batch) {
      yield [
        event.seq,
        event.deviceId,
        event.type,
        event.fromStatus,
        event.toStatus,
        event.fromHolder,
        event.toHolder,
        event.actorId,
        event.at,
        event.details,
        event.prevHash,
        event.hash,
      ];
    }
    if (batch.length < BATCH) return;
    afterSeq = batch[batch.length - 1]!.seq;
  }
}
