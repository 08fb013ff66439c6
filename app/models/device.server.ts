// Devices and their storage media: the queries behind the device pages and the API, and the writes
// the device commands (app/commands/devices/) make inside their transaction. The domain
// (app/domain/lifecycle.ts) decides a transition; writeTransition persists it with its custody event.
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import {
  custodyEvents,
  custodyNotes,
  deviceRequests,
  devices,
  matches,
  organizations,
  storageAbsenceRecords,
  storageMedia,
  wipeRecords,
  type DeviceType,
  type MediumKind,
} from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { randomSecret } from "~/auth/crypto.server";
import type { CustodyEventDraft, DeviceFacts, DeviceStatus, Holder, LifecycleActor, TransitionDecision } from "~/domain/lifecycle";
import type { DeviceScope } from "~/domain/scope";
import { certificationReadiness, type RecordedStorageAbsence, type RecordedWipe } from "~/domain/wipes";
import type { deviceSortKeys } from "~/forms/device";
import { carbonColumns } from "./carbon-reference-file.server";
import { appendCustodyEvent } from "./custody.server";

export type MediumInput = { serial: string; kind: MediumKind; capacityGb: number };

export type DeviceInput = {
  assetTag: string;
  serial: string;
  manufacturer: string;
  model: string;
  type: DeviceType;
  cpu?: string | null;
  ramGb?: number | null;
  storageGb?: number | null;
  screenInches?: number | null;
  keyboardLayout?: string | null;
  batteryHealthPercent?: number | null;
  conditionNotes?: string | null;
  purchaseDate?: string | null;
  purchasePriceCents?: number | null;
  weightKg?: number | null;
  media: MediumInput[];
};

export type DeviceRecord = typeof devices.$inferSelect;

/** The stored carbon reference columns, shaped into `carbon` for pages and the API. */
type CarbonColumns = "carbonKgCo2e" | "carbonSource" | "carbonReference" | "carbonReferenceUrl" | "carbonReferenceWeightKg";

/** The embodied carbon one reuse of the device avoids and where the figure comes from (null: a type without one). */
export type DeviceCarbon = { kgCo2eEmbodied: number; source: "model" | "type"; reference: string } | null;

export type DeviceDetail = Omit<DeviceRecord, "holderKind" | "holderOrganizationId" | "holderUserId" | "holderName" | "registeredById" | CarbonColumns> & {
  carbon: DeviceCarbon;
  departmentName: string;
  holder: Holder;
  holderLabel: string;
  media: { id: number; serial: string; kind: MediumKind; capacityGb: number }[];
};

/** Whether devices may be registered for this organization: an approved city department. */
export function isApprovedDepartment(organizationId: number, database: CircuitDatabase = db): boolean {
  const row = database.select({ kind: organizations.kind, status: organizations.status }).from(organizations).where(eq(organizations.id, organizationId)).get();
  return row?.kind === "department" && row.status === "approved";
}

/** A new label id: 16 characters of base64url, 96 random bits. */
function newPublicId(): string {
  return randomSecret(12);
}

function holderOf(row: Pick<DeviceRecord, "holderKind" | "holderOrganizationId" | "holderUserId" | "holderName">): Holder {
  if (row.holderKind === "employee" && row.holderUserId) return { kind: "employee", userId: row.holderUserId };
  if (row.holderKind === "recycler") return { kind: "recycler", name: row.holderName ?? "" };
  return { kind: "organization", organizationId: row.holderOrganizationId ?? 0 };
}

function holderColumns(holder: Holder) {
  return {
    holderKind: holder.kind,
    holderOrganizationId: holder.kind === "organization" ? holder.organizationId : null,
    holderUserId: holder.kind === "employee" ? holder.userId : null,
    holderName: holder.kind === "recycler" ? holder.name : null,
  };
}

/** When the device was last collected (by a technician, or back from its user): wipes count from then. */
export function lastCollectedAt(deviceId: number, database: CircuitDatabase = db): number | null {
  return (
    database
      .select({ at: custodyEvents.at })
      .from(custodyEvents)
      .where(and(eq(custodyEvents.deviceId, deviceId), eq(custodyEvents.toStatus, "collected")))
      .orderBy(desc(custodyEvents.seq))
      .limit(1)
      .get()?.at ?? null
  );
}

export type SanitizationFacts = {
  mediumIds: number[];
  records: RecordedWipe[];
  storageAbsences: RecordedStorageAbsence[];
  lastCollectedAt: number | null;
};

/** The wipe and "no storage present" records that bear on the device's current cycle, for the sanitization rule. */
export function sanitizationFacts(deviceId: number, database: CircuitDatabase = db): SanitizationFacts {
  const mediumIds = database
    .select({ id: storageMedia.id })
    .from(storageMedia)
    .where(eq(storageMedia.deviceId, deviceId))
    .all()
    .map((row) => row.id);
  const records = database
    .select({
      id: wipeRecords.id,
      mediumId: wipeRecords.mediumId,
      result: wipeRecords.result,
      validatedById: wipeRecords.validatedById,
      recordedAt: wipeRecords.recordedAt,
    })
    .from(wipeRecords)
    .where(eq(wipeRecords.deviceId, deviceId))
    .all()
    .map((row) => ({ ...row, recordedAt: row.recordedAt.getTime() }));
  const storageAbsences = database
    .select({
      id: storageAbsenceRecords.id,
      recordedById: storageAbsenceRecords.recordedById,
      recordedAt: storageAbsenceRecords.recordedAt,
      validatedById: storageAbsenceRecords.validatedById,
    })
    .from(storageAbsenceRecords)
    .where(eq(storageAbsenceRecords.deviceId, deviceId))
    .all()
    .map((row) => ({ ...row, recordedAt: row.recordedAt.getTime() }));
  return { mediumIds, records, storageAbsences, lastCollectedAt: lastCollectedAt(deviceId, database) };
}

/** Whom a reserved device is held for: the organization (or employee) of its confirmed match. */
function reservedFor(deviceId: number, database: CircuitDatabase): Holder | null {
  const request = database
    .select({ kind: deviceRequests.requesterKind, organizationId: deviceRequests.organizationId, requesterId: deviceRequests.requesterId })
    .from(matches)
    .innerJoin(deviceRequests, eq(deviceRequests.id, matches.requestId))
    .where(and(eq(matches.deviceId, deviceId), eq(matches.status, "confirmed")))
    .get();
  if (!request) return null;
  return request.kind === "employee" ? { kind: "employee", userId: request.requesterId } : { kind: "organization", organizationId: request.organizationId };
}

function factsOf(row: DeviceRecord, database: CircuitDatabase = db): DeviceFacts {
  const sanitization = row.status === "collected" ? sanitizationFacts(row.id, database) : null;
  return {
    reservedFor: row.status === "reserved" ? reservedFor(row.id, database) : null,
    status: row.status,
    owningDepartmentId: row.departmentId,
    holder: holderOf(row),
    certificationReadiness:
      sanitization === null
        ? "media-not-sanitized"
        : certificationReadiness({
            deviceType: row.type,
            mediumIds: sanitization.mediumIds,
            wipes: sanitization.records,
            storageAbsences: sanitization.storageAbsences,
            lastCollectedAt: sanitization.lastCollectedAt,
          }),
  };
}

function actorIdOf(actor: LifecycleActor): string {
  return actor.kind === "user" ? actor.userId : `system:${actor.reason}`;
}

/** Which asset tag or serial is taken already (by another device than `exceptId`). */
export function duplicateFields(input: { assetTag: string; serial: string }, exceptId?: number, database: CircuitDatabase = db): ("assetTag" | "serial")[] {
  const taken = database
    .select({ id: devices.id, assetTag: devices.assetTag, serial: devices.serial })
    .from(devices)
    .where(or(eq(devices.assetTag, input.assetTag.trim()), eq(devices.serial, input.serial.trim())))
    .all()
    .filter((row) => row.id !== exceptId);
  const fields: ("assetTag" | "serial")[] = [];
  if (taken.some((row) => row.assetTag === input.assetTag.trim())) fields.push("assetTag");
  if (taken.some((row) => row.serial === input.serial.trim())) fields.push("serial");
  return fields;
}

/** Whether a device already carries this asset tag (a command picking a free one asks). */
export function isAssetTagTaken(assetTag: string, database: CircuitDatabase = db): boolean {
  return database.select({ id: devices.id }).from(devices).where(eq(devices.assetTag, assetTag)).get() !== undefined;
}

/**
 * Which field a unique index refused, from SQLite's message ("UNIQUE constraint failed:
 * devices.asset_tag"): the statement that failed is undone, so the taken row cannot be read back.
 */
export function duplicateFieldsOfViolation(error: unknown): ("assetTag" | "serial")[] {
  const message = error instanceof Error ? error.message : "";
  const fields: ("assetTag" | "serial")[] = [];
  if (message.includes("devices.asset_tag")) fields.push("assetTag");
  if (message.includes("devices.serial")) fields.push("serial");
  return fields;
}

function deviceColumns(input: DeviceInput) {
  return {
    assetTag: input.assetTag.trim(),
    serial: input.serial.trim(),
    manufacturer: input.manufacturer.trim(),
    model: input.model.trim(),
    type: input.type,
    cpu: input.cpu ?? null,
    ramGb: input.ramGb ?? null,
    storageGb: input.storageGb ?? null,
    screenInches: input.screenInches ?? null,
    keyboardLayout: input.keyboardLayout ?? null,
    batteryHealthPercent: input.batteryHealthPercent ?? null,
    conditionNotes: input.conditionNotes ?? null,
    purchaseDate: input.purchaseDate ?? null,
    purchasePriceCents: input.purchasePriceCents ?? null,
    weightKg: input.weightKg ?? null,
    // The figure follows the make, model and type: set on registration, recomputed on every edit.
    ...carbonColumns({ manufacturer: input.manufacturer.trim(), model: input.model.trim(), type: input.type }),
  };
}

/** Writes a new device, its media and its register event inside the caller's transaction; returns its id. */
export function insertRegisteredDevice(
  tx: CircuitDatabase,
  input: DeviceInput,
  departmentId: number,
  actor: LifecycleActor,
  event: CustodyEventDraft,
  now: number,
): number {
  const row = tx
    .insert(devices)
    .values({
      ...deviceColumns(input),
      publicId: newPublicId(),
      departmentId,
      status: event.toStatus,
      ...holderColumns(event.toHolder),
      registeredById: actor.kind === "user" ? actor.userId : null,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    })
    .returning({ id: devices.id })
    .get();
  insertMedia(tx, row.id, input.media);
  appendCustodyEvent(tx, { deviceId: row.id, actorId: actorIdOf(actor), at: now, draft: event });
  return row.id;
}

function insertMedia(tx: CircuitDatabase, deviceId: number, media: MediumInput[]) {
  if (media.length === 0) return;
  tx.insert(storageMedia)
    .values(media.map((medium) => ({ deviceId, serial: medium.serial.trim(), kind: medium.kind, capacityGb: medium.capacityGb })))
    .run();
}

/**
 * Replaces a registered device's fields and media inside the caller's transaction. False when the
 * device is no longer `registered` (another writer moved it first).
 */
export function writeRegistration(tx: CircuitDatabase, deviceId: number, input: DeviceInput, now: number): boolean {
  const result = tx
    .update(devices)
    .set({ ...deviceColumns(input), updatedAt: new Date(now) })
    .where(and(eq(devices.id, deviceId), eq(devices.status, "registered")))
    .run();
  if (result.changes !== 1) return false;
  tx.delete(storageMedia).where(eq(storageMedia.deviceId, deviceId)).run();
  insertMedia(tx, deviceId, input.media);
  return true;
}

/** The device row and the facts the lifecycle decides on, read inside the caller's transaction. */
export function deviceFactsIn(tx: CircuitDatabase, deviceId: number): { row: DeviceRecord; facts: DeviceFacts } | null {
  const row = tx.select().from(devices).where(eq(devices.id, deviceId)).get();
  return row ? { row, facts: factsOf(row, tx) } : null;
}

/**
 * Writes a decided transition inside the caller's transaction: the state change, conditional on the
 * state it was decided for (false when another writer moved the device first), and its custody event.
 */
export function writeTransition(
  tx: CircuitDatabase,
  deviceId: number,
  decision: Extract<TransitionDecision, { ok: true }>,
  actor: LifecycleActor,
  now: number,
  extraColumns: Partial<Pick<DeviceRecord, "conditionGrade"> & DeviceSpecColumns> = {},
): boolean {
  const fromStatus = decision.event.fromStatus;
  if (fromStatus === null) throw new Error("writeTransition moves existing devices only");
  const result = tx
    .update(devices)
    .set({ status: decision.to, ...holderColumns(decision.event.toHolder), updatedAt: new Date(now), ...extraColumns })
    .where(and(eq(devices.id, deviceId), eq(devices.status, fromStatus)))
    .run();
  if (result.changes !== 1) return false;
  appendCustodyEvent(tx, { deviceId, actorId: actorIdOf(actor), at: now, draft: decision.event });
  return true;
}

/** Keeps a typed reason (it may name people) outside the hashed event, which holds the note's id. */
export function insertCustodyNote(tx: CircuitDatabase, text: string): number {
  return tx.insert(custodyNotes).values({ text: text.trim() }).returning({ id: custodyNotes.id }).get().id;
}

function holderLabel(holder: Holder, names: { organization?: string | null; person?: string | null }): string {
  if (holder.kind === "organization") return names.organization ?? "";
  if (holder.kind === "employee") return names.person ?? "";
  return holder.name;
}

export function getDevice(deviceId: number, database: CircuitDatabase = db): DeviceDetail | null {
  return loadDevice(eq(devices.id, deviceId), database);
}

export function getDeviceByPublicId(publicId: string): DeviceDetail | null {
  return loadDevice(eq(devices.publicId, publicId));
}

function loadDevice(where: SQL, database: CircuitDatabase = db): DeviceDetail | null {
  const row = database
    .select({
      device: devices,
      departmentName: organizations.name,
      holderOrganizationName: sql<string | null>`(SELECT holder.name FROM organizations AS holder WHERE holder.id = ${devices.holderOrganizationId})`,
      holderPersonName: sql<string | null>`(SELECT name FROM users WHERE users.id = ${devices.holderUserId})`,
    })
    .from(devices)
    .innerJoin(organizations, eq(organizations.id, devices.departmentId))
    .where(where)
    .get();
  if (!row) return null;
  const media = database
    .select({ id: storageMedia.id, serial: storageMedia.serial, kind: storageMedia.kind, capacityGb: storageMedia.capacityGb })
    .from(storageMedia)
    .where(eq(storageMedia.deviceId, row.device.id))
    .orderBy(asc(storageMedia.id))
    .all();
  const {
    holderKind: _kind,
    holderOrganizationId: _organization,
    holderUserId: _user,
    holderName: _name,
    registeredById: _registeredBy,
    carbonKgCo2e: carbonKgCo2e,
    carbonSource: carbonSource,
    carbonReference: carbonReference,
    carbonReferenceUrl: _carbonReferenceUrl,
    carbonReferenceWeightKg: _carbonReferenceWeight,
    ...device
  } = row.device;
  const holder = holderOf(row.device);
  return {
    ...device,
    carbon: carbonKgCo2e !== null && carbonSource !== null ? { kgCo2eEmbodied: carbonKgCo2e, source: carbonSource, reference: carbonReference ?? "" } : null,
    departmentName: row.departmentName,
    holder,
    holderLabel: holderLabel(holder, { organization: row.holderOrganizationName, person: row.holderPersonName }),
    media,
  };
}

/** Devices reserved for a requester: a confirmed match of theirs holds the device until handover. */
function reservedForCondition(requester: SQL): SQL {
  const confirmedFor = db
    .select({ deviceId: matches.deviceId })
    .from(matches)
    .innerJoin(deviceRequests, eq(deviceRequests.id, matches.requestId))
    .where(and(eq(matches.status, "confirmed"), requester));
  return and(eq(devices.status, "reserved"), inArray(devices.id, confirmedFor))!;
}

/**
 * The domain's device scope (app/domain/scope.ts, which decides it) as SQL for list and count
 * queries: the same devices `deviceInScope` accepts, held by or reserved for a recipient or employee.
 */
function scopeCondition(scope: DeviceScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "department":
      return eq(devices.departmentId, scope.departmentId);
    case "recipient":
      return or(
        and(eq(devices.holderKind, "organization"), eq(devices.holderOrganizationId, scope.organizationId)),
        reservedForCondition(and(eq(deviceRequests.requesterKind, "organization"), eq(deviceRequests.organizationId, scope.organizationId))!),
      );
    case "employee":
      return or(
        and(eq(devices.holderKind, "employee"), eq(devices.holderUserId, scope.userId)),
        reservedForCondition(and(eq(deviceRequests.requesterKind, "employee"), eq(deviceRequests.requesterId, scope.userId))!),
      );
    case "none":
      return sql`0`;
  }
}

export type DeviceSortKey = (typeof deviceSortKeys)[number];

export type DeviceListQuery = {
  status?: DeviceStatus;
  type?: DeviceType;
  departmentId?: number;
  q?: string;
  sort?: DeviceSortKey;
  direction?: "asc" | "desc";
  page: number;
  pageSize: number;
};

/**
 * Three characters or more: the FTS5 trigram index, as a quoted phrase (a substring match). Fewer:
 * a prefix of the asset tag or serial, as an index range (tags and serials are stored as typed;
 * the range is tried as typed and in capitals). Control characters are searched as spaces: FTS5
 * ends a phrase at a NUL ("unterminated string"), and no tag, serial or model holds one.
 */
function searchCondition(q: string): SQL {
  const term = searchTerm(q);
  if (term.length >= 3) {
    const phrase = `"${term.replaceAll('"', '""')}"`;
    return sql`${devices.id} IN (SELECT rowid FROM devices_search WHERE devices_search MATCH ${phrase})`;
  }
  const prefixes = [...new Set([term, term.toUpperCase()])];
  return or(
    ...prefixes.flatMap((prefix) => [
      and(gte(devices.assetTag, prefix), lt(devices.assetTag, `${prefix}\uffff`)),
      and(gte(devices.serial, prefix), lt(devices.serial, `${prefix}\uffff`)),
    ]),
  )!;
}

function searchTerm(q: string): string {
  return q.replace(/\p{Cc}/gu, " ").trim();
}

const sortColumns = {
  updated: devices.updatedAt,
  assetTag: devices.assetTag,
  model: devices.model,
  status: devices.status,
  type: devices.type,
};

export type DeviceListItem = Pick<
  DeviceRecord,
  "id" | "publicId" | "assetTag" | "serial" | "manufacturer" | "model" | "type" | "status" | "departmentId" | "updatedAt"
> & {
  departmentName: string;
};

export function listDevices(query: DeviceListQuery, scope: DeviceScope): { items: DeviceListItem[]; total: number } {
  const conditions: SQL[] = [];
  const inScope = scopeCondition(scope);
  if (inScope) conditions.push(inScope);
  if (query.departmentId !== undefined) conditions.push(eq(devices.departmentId, query.departmentId));
  if (query.status) conditions.push(eq(devices.status, query.status));
  if (query.type) conditions.push(eq(devices.type, query.type));
  if (query.q && searchTerm(query.q)) conditions.push(searchCondition(query.q));
  const where = conditions.length > 0 ? and(...conditions) : undefined;

  const column = sortColumns[query.sort ?? "updated"];
  const direction = query.direction ?? (query.sort === undefined || query.sort === "updated" ? "desc" : "asc");
  const order = direction === "desc" ? [desc(column), desc(devices.id)] : [asc(column), asc(devices.id)];

  const items = db
    .select({
      id: devices.id,
      publicId: devices.publicId,
      assetTag: devices.assetTag,
      serial: devices.serial,
      manufacturer: devices.manufacturer,
      model: devices.model,
      type: devices.type,
      status: devices.status,
      departmentId: devices.departmentId,
      updatedAt: devices.updatedAt,
      departmentName: organizations.name,
    })
    .from(devices)
    .innerJoin(organizations, eq(organizations.id, devices.departmentId))
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const total = db.select({ total: count() }).from(devices).where(where).get()?.total ?? 0;
  return { items, total };
}

/** The IT service that takes custody of collected and returned devices. */
export function itServiceIdFor(actor: LifecycleActor, database: CircuitDatabase = db): number | null {
  if (actor.kind === "user") {
    const own = database
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.id, actor.organizationId), eq(organizations.kind, "it_service")))
      .get();
    if (own) return own.id;
  }
  return (
    database.select({ id: organizations.id }).from(organizations).where(eq(organizations.kind, "it_service")).orderBy(asc(organizations.id)).limit(1).get()
      ?.id ?? null
  );
}

export function countDevicesByStatus(scope: DeviceScope): Partial<Record<DeviceStatus, number>> {
  const rows = db.select({ status: devices.status, total: count() }).from(devices).where(scopeCondition(scope)).groupBy(devices.status).all();
  return Object.fromEntries(rows.map((row) => [row.status, row.total]));
}

/** Devices handed over to this organization or employee and still with them. */
export function listHeldDevices(holder: { organizationId: number } | { userId: string }) {
  return db
    .select({
      id: devices.id,
      publicId: devices.publicId,
      assetTag: devices.assetTag,
      manufacturer: devices.manufacturer,
      model: devices.model,
      type: devices.type,
      updatedAt: devices.updatedAt,
    })
    .from(devices)
    .where(
      and(
        eq(devices.status, "deployed"),
        "organizationId" in holder ? eq(devices.holderOrganizationId, holder.organizationId) : eq(devices.holderUserId, holder.userId),
      ),
    )
    .orderBy(desc(devices.updatedAt))
    .all();
}

/** The device's specification columns a technician may correct at collection and grading. */
export type DeviceSpecColumns = Pick<DeviceRecord, "cpu" | "ramGb" | "storageGb" | "screenInches" | "keyboardLayout" | "batteryHealthPercent" | "weightKg">;

/** Adds one storage medium to a device inside the caller's transaction; returns its id. */
export function insertStorageMedium(tx: CircuitDatabase, deviceId: number, medium: MediumInput): number {
  return tx
    .insert(storageMedia)
    .values({ deviceId, serial: medium.serial.trim(), kind: medium.kind, capacityGb: medium.capacityGb })
    .returning({ id: storageMedia.id })
    .get().id;
}

/** Corrects a medium's serial, kind or capacity inside the caller's transaction. */
export function updateStorageMedium(tx: CircuitDatabase, deviceId: number, mediumId: number, medium: MediumInput): void {
  tx.update(storageMedia)
    .set({ serial: medium.serial.trim(), kind: medium.kind, capacityGb: medium.capacityGb })
    .where(and(eq(storageMedia.id, mediumId), eq(storageMedia.deviceId, deviceId)))
    .run();
}

/** Removes a medium the device turned out not to have; false when wipe records refer to it (they are kept). */
export function deleteStorageMedium(tx: CircuitDatabase, deviceId: number, mediumId: number): boolean {
  const recorded = tx.select({ id: wipeRecords.id }).from(wipeRecords).where(eq(wipeRecords.mediumId, mediumId)).limit(1).get();
  if (recorded) return false;
  tx.delete(storageMedia)
    .where(and(eq(storageMedia.id, mediumId), eq(storageMedia.deviceId, deviceId)))
    .run();
  return true;
}
