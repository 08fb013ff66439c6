// The work queues on the staff home pages: what waits for a technician, a coordinator or a department,
// each queue a count (SQL COUNT) and its first few items (oldest first, LIMIT), read through indexes.
// Which collected device still needs a wipe, a validation or its certificate follows the rules of
// app/domain/wipes.ts (the latest attempt since the last collection decides each medium); a test holds
// this SQL to certificationReadiness.
import { and, asc, count, eq, lt, sql, type SQL } from "drizzle-orm";
import { deviceRequests, devices, matches, organizations, users } from "~db/schema";
import { db } from "~/db.server";
import { storageHoldingDeviceTypes, type DeviceType } from "~/domain/devices";
import type { DeviceStatus } from "~/domain/lifecycle";
import type { OrganizationKind } from "~/domain/organizations";
import type { DeviceScope } from "~/domain/scope";
import { countDevicesByStatus } from "./device.server";
import { getDevice } from "./device.server";
import { proposeMatches } from "./match.server";
import { getRequest } from "./request.server";

/** How many items a queue shows on the home page; the count says how many there are in all. */
export const QUEUE_ITEM_LIMIT = 10;

/** A device listed for longer than this is shown to the coordinator: nobody has asked for it yet. */
export const LISTED_TOO_LONG_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export type Queue<Item> = { count: number; items: Item[] };

export type QueueDevice = {
  id: number;
  assetTag: string;
  manufacturer: string;
  model: string;
  type: DeviceType;
  departmentName: string;
  /** When the device last changed (the start of its wait in this queue). */
  since: number;
};

export type CollectionItem = QueueDevice & { departmentAddress: string | null; departmentContact: string | null };
export type PickupItem = QueueDevice & { recipientName: string; readyAt: number | null; pickupLocation: string | null };

const queueDeviceColumns = {
  id: devices.id,
  assetTag: devices.assetTag,
  manufacturer: devices.manufacturer,
  model: devices.model,
  type: devices.type,
  departmentName: organizations.name,
  updatedAt: devices.updatedAt,
};

function toQueueDevice<Row extends { updatedAt: Date }>(row: Row): Omit<Row, "updatedAt"> & { since: number } {
  const { updatedAt, ...rest } = row;
  return { ...rest, since: updatedAt.getTime() };
}

function countWithStatus(status: DeviceStatus): number {
  return db.select({ total: count() }).from(devices).where(eq(devices.status, status)).get()?.total ?? 0;
}

/** Devices in one state, oldest first (the status index is ordered by last change). */
function devicesWithStatus(status: DeviceStatus, limit: number): QueueDevice[] {
  return db
    .select(queueDeviceColumns)
    .from(devices)
    .innerJoin(organizations, eq(organizations.id, devices.departmentId))
    .where(eq(devices.status, status))
    .orderBy(asc(devices.updatedAt), asc(devices.id))
    .limit(limit)
    .all()
    .map(toQueueDevice);
}

/** A technician collects at one department at a time: the queue shows a few devices of each department, the longest waiting first. */
export const COLLECT_ITEMS_PER_DEPARTMENT = 3;

/**
 * Registered devices with where to collect them and whom to ask for: up to a few per department (the
 * department waiting longest first), so that one department's backlog does not hide another's devices.
 */
function collectionQueue(limit: number): Queue<CollectionItem> {
  const items = db
    .all<Omit<CollectionItem, "since"> & { since: number }>(
      sql`SELECT d.id AS id, d.asset_tag AS assetTag, d.manufacturer AS manufacturer, d.model AS model, d.type AS type, o.name AS departmentName,
          o.address AS departmentAddress, o.contact AS departmentContact, d.updated_at AS since
        FROM (
          SELECT id, department_id, updated_at,
            row_number() OVER (PARTITION BY department_id ORDER BY updated_at, id) AS position,
            min(updated_at) OVER (PARTITION BY department_id) AS department_since
          FROM devices WHERE status = 'registered'
        ) w
        JOIN devices d ON d.id = w.id JOIN organizations o ON o.id = d.department_id
        WHERE w.position <= ${COLLECT_ITEMS_PER_DEPARTMENT}
        ORDER BY w.department_since ASC, w.department_id ASC, w.position ASC
        LIMIT ${limit}`,
    )
    .map((row) => ({ ...row, since: Number(row.since) }));
  return { count: countWithStatus("registered"), items };
}

/** Reserved devices, for whom, and whether they are out for pickup yet. */
function pickupQueue(limit: number): Queue<PickupItem> {
  const items = db
    .select({
      ...queueDeviceColumns,
      requesterKind: deviceRequests.requesterKind,
      recipientOrganization: sql<string>`(SELECT ${organizations.name} FROM ${organizations} WHERE ${organizations.id} = ${deviceRequests.organizationId})`,
      requesterName: users.name,
      readyAt: matches.readyAt,
      pickupLocation: matches.pickupLocation,
    })
    .from(devices)
    .innerJoin(organizations, eq(organizations.id, devices.departmentId))
    .innerJoin(matches, and(eq(matches.deviceId, devices.id), eq(matches.status, "confirmed")))
    .innerJoin(deviceRequests, eq(deviceRequests.id, matches.requestId))
    .innerJoin(users, eq(users.id, deviceRequests.requesterId))
    .where(eq(devices.status, "reserved"))
    .orderBy(asc(devices.updatedAt), asc(devices.id))
    .limit(limit)
    .all()
    .map(({ requesterKind, recipientOrganization, requesterName, readyAt, pickupLocation, ...row }) => ({
      ...toQueueDevice(row),
      recipientName: requesterKind === "employee" ? requesterName : recipientOrganization,
      readyAt: readyAt?.getTime() ?? null,
      pickupLocation,
    }));
  return { count: countWithStatus("reserved"), items };
}

const storageTypes = sql.join(
  storageHoldingDeviceTypes.map((type) => sql`${type}`),
  sql`, `,
);

/**
 * Per collected device, what its current cycle still needs, for one technician (`viewerId`):
 * - to_wipe: a medium whose deciding attempt is missing or failed, or a laptop-like device without
 *   media and without a "no storage present" record of this cycle;
 * - to_validate: a passing deciding attempt (or the cycle's no-storage record) not validated yet and
 *   made by someone else — never the viewer's own (the two-person rule);
 * - own_pending: one the viewer made that waits for a second technician;
 * - to_certify: every medium's deciding attempt passed and is validated (or, without media, the type
 *   holds no storage or the no-storage record is validated): certificationReadiness is "ready".
 */
function collectedStates(viewerId: string) {
  return sql`
    WITH cycle AS (
      SELECT d.id AS device_id, d.type AS type, d.updated_at AS updated_at,
        COALESCE((SELECT max(e.at) FROM custody_events e WHERE e.device_id = d.id AND e.to_status = 'collected'), 0) AS collected_at
      FROM devices d WHERE d.status = 'collected'
    ),
    deciding AS (
      SELECT c.device_id AS device_id, w.id AS wipe_id, w.result AS result, w.validated_by_id AS validated_by_id, w.performed_by_id AS performer_id
      FROM cycle c
      JOIN storage_media m ON m.device_id = c.device_id
      LEFT JOIN wipe_records w ON w.id = (
        SELECT w2.id FROM wipe_records w2 WHERE w2.medium_id = m.id AND w2.recorded_at >= c.collected_at ORDER BY w2.recorded_at DESC, w2.id DESC LIMIT 1
      )
    ),
    absence AS (
      SELECT c.device_id AS device_id, a.recorded_by_id AS recorder_id, a.validated_by_id AS validated_by_id
      FROM cycle c
      JOIN storage_absence_records a ON a.id = (
        SELECT a2.id FROM storage_absence_records a2 WHERE a2.device_id = c.device_id AND a2.recorded_at >= c.collected_at ORDER BY a2.recorded_at DESC, a2.id DESC LIMIT 1
      )
    ),
    state AS (
      SELECT c.device_id AS device_id, c.updated_at AS updated_at,
        (EXISTS (SELECT 1 FROM deciding x WHERE x.device_id = c.device_id AND (x.wipe_id IS NULL OR x.result = 'fail'))
          OR (NOT EXISTS (SELECT 1 FROM storage_media m WHERE m.device_id = c.device_id)
              AND c.type IN (${storageTypes})
              AND NOT EXISTS (SELECT 1 FROM absence y WHERE y.device_id = c.device_id))) AS to_wipe,
        (EXISTS (SELECT 1 FROM deciding x WHERE x.device_id = c.device_id AND x.result = 'pass' AND x.validated_by_id IS NULL AND x.performer_id <> ${viewerId})
          OR EXISTS (SELECT 1 FROM absence y WHERE y.device_id = c.device_id AND y.validated_by_id IS NULL AND y.recorder_id <> ${viewerId})) AS to_validate,
        (EXISTS (SELECT 1 FROM deciding x WHERE x.device_id = c.device_id AND x.result = 'pass' AND x.validated_by_id IS NULL AND x.performer_id = ${viewerId})
          OR EXISTS (SELECT 1 FROM absence y WHERE y.device_id = c.device_id AND y.validated_by_id IS NULL AND y.recorder_id = ${viewerId})) AS own_pending,
        (NOT EXISTS (SELECT 1 FROM deciding x WHERE x.device_id = c.device_id AND NOT (x.result = 'pass' AND x.validated_by_id IS NOT NULL))
          AND (EXISTS (SELECT 1 FROM storage_media m WHERE m.device_id = c.device_id)
               OR c.type NOT IN (${storageTypes})
               OR EXISTS (SELECT 1 FROM absence y WHERE y.device_id = c.device_id AND y.validated_by_id IS NOT NULL))) AS to_certify
      FROM cycle c
    )`;
}

type CollectedQueue = "to_wipe" | "to_validate" | "own_pending" | "to_certify";
const collectedQueues: readonly CollectedQueue[] = ["to_wipe", "to_validate", "own_pending", "to_certify"];

type CollectedCounts = Record<CollectedQueue, number>;

function collectedCounts(viewerId: string): CollectedCounts {
  const row = db.get<{ to_wipe: number | null; to_validate: number | null; own_pending: number | null; to_certify: number | null }>(
    sql`${collectedStates(viewerId)}
      SELECT sum(s.to_wipe) AS to_wipe, sum(s.to_validate) AS to_validate, sum(s.own_pending) AS own_pending, sum(s.to_certify) AS to_certify FROM state s`,
  );
  return { to_wipe: row?.to_wipe ?? 0, to_validate: row?.to_validate ?? 0, own_pending: row?.own_pending ?? 0, to_certify: row?.to_certify ?? 0 };
}

/** The first items of every collected-device queue in one statement (the states are worked out once). */
function collectedItems(viewerId: string, limit: number): Record<CollectedQueue, QueueDevice[]> {
  const picks = sql.join(
    collectedQueues.map(
      (queue) =>
        sql`SELECT * FROM (SELECT ${queue} AS queue, s.device_id AS device_id, s.updated_at AS updated_at FROM state s WHERE ${sql.raw(`s.${queue}`)} ORDER BY s.updated_at ASC, s.device_id ASC LIMIT ${limit})`,
    ),
    sql` UNION ALL `,
  );
  const rows = db.all<{
    queue: CollectedQueue;
    id: number;
    assetTag: string;
    manufacturer: string;
    model: string;
    type: DeviceType;
    departmentName: string;
    since: number;
  }>(
    sql`${collectedStates(viewerId)}, picked AS (${picks})
      SELECT p.queue AS queue, d.id AS id, d.asset_tag AS assetTag, d.manufacturer AS manufacturer, d.model AS model, d.type AS type, o.name AS departmentName, d.updated_at AS since
      FROM picked p JOIN devices d ON d.id = p.device_id JOIN organizations o ON o.id = d.department_id
      ORDER BY p.updated_at ASC, p.device_id ASC`,
  );
  const byQueue: Record<CollectedQueue, QueueDevice[]> = { to_wipe: [], to_validate: [], own_pending: [], to_certify: [] };
  for (const { queue, ...device } of rows) byQueue[queue].push({ ...device, since: Number(device.since) });
  return byQueue;
}

export type TechnicianQueues = {
  toCollect: Queue<CollectionItem>;
  toWipe: Queue<QueueDevice>;
  toValidate: Queue<QueueDevice>;
  /** The viewer's own records that wait for a second technician: shown, never offered to validate. */
  awaitingSecondTechnician: Queue<QueueDevice>;
  toCertify: Queue<QueueDevice>;
  toGradeAndList: Queue<QueueDevice>;
  awaitingPickup: Queue<PickupItem>;
};

export function technicianQueues(technicianId: string, limit = QUEUE_ITEM_LIMIT): TechnicianQueues {
  const counts = collectedCounts(technicianId);
  const anyCollected = collectedQueues.some((queue) => counts[queue] > 0);
  const items = anyCollected ? collectedItems(technicianId, limit) : { to_wipe: [], to_validate: [], own_pending: [], to_certify: [] };
  const collected = (queue: CollectedQueue): Queue<QueueDevice> => ({ count: counts[queue], items: items[queue] });
  return {
    toCollect: collectionQueue(limit),
    toWipe: collected("to_wipe"),
    toValidate: collected("to_validate"),
    awaitingSecondTechnician: collected("own_pending"),
    toCertify: collected("to_certify"),
    toGradeAndList: { count: countWithStatus("wiped"), items: devicesWithStatus("wiped", limit) },
    awaitingPickup: pickupQueue(limit),
  };
}

export type PendingOrganizationItem = { id: number; name: string; kind: OrganizationKind; since: number };
export type ReviewItem = {
  id: number;
  organizationName: string;
  requesterName: string;
  requesterKind: "organization" | "employee";
  type: DeviceType;
  quantity: number;
  since: number;
};
export type ProposalItem = {
  deviceId: number;
  requestId: number;
  assetTag: string;
  deviceName: string;
  recipientName: string;
  score: number;
};

export type CoordinatorQueues = {
  organizationsToApprove: Queue<PendingOrganizationItem>;
  requestsToReview: Queue<ReviewItem>;
  proposalsToConfirm: Queue<ProposalItem>;
  listedTooLong: Queue<QueueDevice> & { days: number };
};

function organizationsToApprove(limit: number): Queue<PendingOrganizationItem> {
  const items = db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, createdAt: organizations.createdAt })
    .from(organizations)
    .where(eq(organizations.status, "pending"))
    .orderBy(asc(organizations.createdAt), asc(organizations.id))
    .limit(limit)
    .all()
    .map(({ createdAt, ...row }) => ({ ...row, since: createdAt.getTime() }));
  const total = db.select({ total: count() }).from(organizations).where(eq(organizations.status, "pending")).get()?.total ?? 0;
  return { count: total, items };
}

function requestsToReview(limit: number): Queue<ReviewItem> {
  const items = db
    .select({
      id: deviceRequests.id,
      organizationName: organizations.name,
      requesterName: users.name,
      requesterKind: deviceRequests.requesterKind,
      type: deviceRequests.type,
      quantity: deviceRequests.quantity,
      createdAt: deviceRequests.createdAt,
    })
    .from(deviceRequests)
    .innerJoin(organizations, eq(organizations.id, deviceRequests.organizationId))
    .innerJoin(users, eq(users.id, deviceRequests.requesterId))
    .where(eq(deviceRequests.status, "submitted"))
    .orderBy(asc(deviceRequests.createdAt), asc(deviceRequests.id))
    .limit(limit)
    .all()
    .map(({ createdAt, ...row }) => ({ ...row, since: createdAt.getTime() }));
  const total = db.select({ total: count() }).from(deviceRequests).where(eq(deviceRequests.status, "submitted")).get()?.total ?? 0;
  return { count: total, items };
}

/** What the match board would propose now (the same engine and the same reads), best first. */
function proposalsToConfirm(limit: number, now: number): Queue<ProposalItem> {
  const { proposals } = proposeMatches(now);
  const items = [...proposals]
    .sort((a, b) => b.score - a.score || a.requestId - b.requestId || a.deviceId - b.deviceId)
    .slice(0, limit)
    .flatMap((proposal) => {
      const device = getDevice(proposal.deviceId);
      const request = getRequest(proposal.requestId);
      if (!device || !request) return [];
      return [
        {
          deviceId: device.id,
          requestId: request.id,
          assetTag: device.assetTag,
          deviceName: `${device.manufacturer} ${device.model}`,
          recipientName: request.requesterKind === "employee" ? request.requesterName : request.organizationName,
          score: proposal.score,
        },
      ];
    });
  return { count: proposals.length, items };
}

/** The devices that have waited longest (least recently changed) among those the condition picks. */
function oldestDevicesWhere(condition: SQL | undefined, limit: number): QueueDevice[] {
  return db
    .select(queueDeviceColumns)
    .from(devices)
    .innerJoin(organizations, eq(organizations.id, devices.departmentId))
    .where(condition)
    .orderBy(asc(devices.updatedAt), asc(devices.id))
    .limit(limit)
    .all()
    .map(toQueueDevice);
}

function listedTooLong(limit: number, now: number): Queue<QueueDevice> & { days: number } {
  const listedBefore = new Date(now - LISTED_TOO_LONG_DAYS * DAY_MS);
  const condition = and(eq(devices.status, "listed"), lt(devices.updatedAt, listedBefore));
  const items = oldestDevicesWhere(condition, limit);
  const total = db.select({ total: count() }).from(devices).where(condition).get()?.total ?? 0;
  return { count: total, items, days: LISTED_TOO_LONG_DAYS };
}

export function coordinatorQueues(now = Date.now(), limit = QUEUE_ITEM_LIMIT): CoordinatorQueues {
  return {
    organizationsToApprove: organizationsToApprove(limit),
    requestsToReview: requestsToReview(limit),
    proposalsToConfirm: proposalsToConfirm(limit, now),
    listedTooLong: listedTooLong(limit, now),
  };
}

export type DepartmentQueues = {
  /** The department's devices per state (states without devices left out). */
  byStatus: Partial<Record<DeviceStatus, number>>;
  /** Registered and still at the department: to have ready for the technician. */
  awaitingCollection: Queue<QueueDevice>;
  /** Without an address or a contact the technician does not know where to go or whom to ask for. */
  contactMissing: boolean;
};

export function departmentQueues(departmentId: number, limit = QUEUE_ITEM_LIMIT): DepartmentQueues {
  const scope: DeviceScope = { kind: "department", departmentId };
  const condition = and(eq(devices.departmentId, departmentId), eq(devices.status, "registered"));
  const items = oldestDevicesWhere(condition, limit);
  const byStatus = countDevicesByStatus(scope);
  const department = db
    .select({ address: organizations.address, contact: organizations.contact })
    .from(organizations)
    .where(eq(organizations.id, departmentId))
    .get();
  return {
    byStatus,
    awaitingCollection: { count: byStatus.registered ?? 0, items },
    contactMissing: !department?.address || !department.contact,
  };
}
