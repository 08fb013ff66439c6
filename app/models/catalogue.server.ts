// The catalogue's queries: listed devices grouped in SQL by the rule of app/domain/catalogue.ts (one
// row per card, however many devices), the waiting requests of each card, the certificates a card
// shows, and the per-type counts of the visitors' overview. Only devices in status "listed": a
// reserved device, or one not listed yet, is never in the catalogue.
import { and, count, desc, eq, inArray, max, min, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { devices, storageAbsenceRecords, wipeCertificates, wipeRecords } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { catalogueGroupFieldNames, waitingRequestCounts, type CatalogueGroupFields, type CertificateMethod } from "~/domain/catalogue";
import type { DeviceType } from "~/domain/devices";
import type { CatalogueQuery } from "~/forms/catalogue";
import { matchableRequestOf } from "./match.server";
import { openRequestsForMatching } from "./request.server";

/** The column of each field of the grouping rule. */
const groupColumns: Record<(typeof catalogueGroupFieldNames)[number], SQLiteColumn> = {
  type: devices.type,
  manufacturer: devices.manufacturer,
  model: devices.model,
  ramGb: devices.ramGb,
  storageGb: devices.storageGb,
  screenInches: devices.screenInches,
  keyboardLayout: devices.keyboardLayout,
  grade: devices.conditionGrade,
};

export type CatalogueGroup = CatalogueGroupFields & {
  count: number;
  /** Ascending. */
  deviceIds: number[];
  /** Epoch ms of the group's most recent listing. */
  newestListedAt: number;
  batteryHealth: { min: number; max: number } | null;
  waitingRequests: number;
};

function filterConditions(query: CatalogueQuery): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(devices.status, "listed"),
    query.type ? eq(devices.type, query.type) : undefined,
    query.minRamGb !== undefined ? sql`${devices.ramGb} >= ${query.minRamGb}` : undefined,
    query.minStorageGb !== undefined ? sql`${devices.storageGb} >= ${query.minStorageGb}` : undefined,
    query.minScreenInches !== undefined ? sql`${devices.screenInches} >= ${query.minScreenInches}` : undefined,
    query.keyboardLayout ? sql`lower(${devices.keyboardLayout}) = ${query.keyboardLayout.toLowerCase()}` : undefined,
    query.grade ? eq(devices.conditionGrade, query.grade) : undefined,
  ];
  return and(...conditions.filter((condition) => condition !== undefined)) ?? sql`1`;
}

/**
 * Every card the filters leave, in the chosen order, with its waiting requests. One row per group
 * comes out of SQLite (the status index finds the listed devices; the grouping happens there), so
 * the work here grows with the number of distinct cards, not of devices.
 */
export function listCatalogue(query: CatalogueQuery, database: CircuitDatabase = db): { items: CatalogueGroup[]; total: number } {
  const newest = max(devices.updatedAt);
  const rows = database
    .select({
      type: devices.type,
      manufacturer: devices.manufacturer,
      model: devices.model,
      ramGb: devices.ramGb,
      storageGb: devices.storageGb,
      screenInches: devices.screenInches,
      keyboardLayout: devices.keyboardLayout,
      grade: devices.conditionGrade,
      count: count(),
      deviceIds: sql<string>`group_concat(${devices.id})`,
      newestListedAt: sql<number>`max(${devices.updatedAt})`,
      batteryMin: min(devices.batteryHealthPercent),
      batteryMax: max(devices.batteryHealthPercent),
    })
    .from(devices)
    .where(filterConditions(query))
    .groupBy(...catalogueGroupFieldNames.map((name) => groupColumns[name]))
    .orderBy(
      ...(query.sort === "specs" ? [desc(devices.ramGb), desc(devices.storageGb), desc(devices.screenInches)] : []),
      desc(newest),
      devices.manufacturer,
      devices.model,
    )
    .all();
  const groups = rows.map(({ batteryMin, batteryMax, deviceIds, ...row }) => ({
    ...row,
    deviceIds: deviceIds
      .split(",")
      .map(Number)
      .sort((a, b) => a - b),
    batteryHealth: batteryMin === null || batteryMax === null ? null : { min: batteryMin, max: batteryMax },
  }));
  const waiting = waitingRequestCounts(groups, waitingRequests(database));
  return { items: groups.map((group, index) => ({ ...group, waitingRequests: waiting[index] ?? 0 })), total: groups.length };
}

/** Approved requests with open slots, as the matching engine reads them (the same query and mapping). */
function waitingRequests(database: CircuitDatabase) {
  return openRequestsForMatching(database).map((request) => ({ ...matchableRequestOf(request), status: request.status }));
}

export type CertificateSummary = { deviceId: number; number: string; methods: CertificateMethod[] };

/** The current wipe certificate of each of these devices (its latest), with the methods behind it. */
export function certificatesOf(deviceIds: readonly number[], database: CircuitDatabase = db): Map<number, CertificateSummary> {
  const summaries = new Map<number, CertificateSummary & { certificateId: number }>();
  if (deviceIds.length === 0) return summaries;
  const certificates = database
    .select({ id: wipeCertificates.id, deviceId: wipeCertificates.deviceId, number: wipeCertificates.number })
    .from(wipeCertificates)
    .where(inArray(wipeCertificates.deviceId, [...deviceIds]))
    .orderBy(wipeCertificates.deviceId, wipeCertificates.issuedAt, wipeCertificates.id)
    .all();
  // Ordered by issue time, so the last one written for a device is its current certificate.
  for (const certificate of certificates)
    summaries.set(certificate.deviceId, { deviceId: certificate.deviceId, number: certificate.number, methods: [], certificateId: certificate.id });
  const certificateIds = [...summaries.values()].map((summary) => summary.certificateId);
  const bySummary = new Map([...summaries.values()].map((summary) => [summary.certificateId, summary]));
  const wipes = database
    .selectDistinct({ certificateId: wipeRecords.certificateId, method: wipeRecords.method })
    .from(wipeRecords)
    .where(and(inArray(wipeRecords.deviceId, [...deviceIds]), inArray(wipeRecords.certificateId, certificateIds)))
    .all();
  for (const wipe of wipes) {
    const summary = wipe.certificateId === null ? undefined : bySummary.get(wipe.certificateId);
    if (summary && !summary.methods.includes(wipe.method)) summary.methods.push(wipe.method);
  }
  const absences = database
    .select({ certificateId: storageAbsenceRecords.certificateId })
    .from(storageAbsenceRecords)
    .where(and(inArray(storageAbsenceRecords.deviceId, [...deviceIds]), inArray(storageAbsenceRecords.certificateId, certificateIds)))
    .all();
  for (const absence of absences) {
    const summary = absence.certificateId === null ? undefined : bySummary.get(absence.certificateId);
    if (summary && !summary.methods.includes("no-storage")) summary.methods.push("no-storage");
  }
  for (const summary of summaries.values()) {
    // A monitor (or "other") holds no data of its own: it is certified as it is.
    if (summary.methods.length === 0) summary.methods.push("nothing-to-wipe");
    summary.methods.sort(byMethodStrength);
  }
  return new Map([...summaries].map(([deviceId, summary]) => [deviceId, { deviceId, number: summary.number, methods: summary.methods }]));
}

const methodOrder: readonly CertificateMethod[] = ["destroy", "purge", "clear", "no-storage", "nothing-to-wipe"];

function byMethodStrength(a: CertificateMethod, b: CertificateMethod): number {
  return methodOrder.indexOf(a) - methodOrder.indexOf(b);
}

/** How many devices of each type are on offer now: the visitors' overview, without any detail. */
export function countOnOfferByType(database: CircuitDatabase = db): { type: DeviceType; count: number }[] {
  return database
    .select({ type: devices.type, count: count() })
    .from(devices)
    .where(eq(devices.status, "listed"))
    .groupBy(devices.type)
    .orderBy(desc(count()), devices.type)
    .all();
}
