// Requests for devices: filed by schools, nonprofits and employees, reviewed by a coordinator.
import { and, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { deviceRequests, matches, organizations, users } from "~db/schema";
import { db } from "~/db.server";
import type { DeviceType } from "~/domain/devices";
import { canCancel, openSlots, type RequestStatus } from "~/domain/requests";
import type { SessionUser } from "./user.server";
import { notify } from "./notification.server";

export type NewRequest = {
  type: DeviceType;
  quantity: number;
  minRamGb: number;
  minStorageGb: number;
  minScreenInches: number | null;
  keyboardLayout: string;
  purpose: string;
  beneficiaries: number;
  neededBy: string;
};

export function fileRequest(requester: SessionUser, request: NewRequest) {
  const row = db
    .insert(deviceRequests)
    .values({
      ...request,
      purpose: request.purpose.trim(),
      keyboardLayout: request.keyboardLayout.trim() || "any",
      organizationId: requester.organization.id,
      requesterId: requester.id,
      requesterKind: requester.role === "employee" ? "employee" : "organization",
      status: "submitted",
    })
    .returning({ id: deviceRequests.id })
    .get();
  return getRequest(row.id)!;
}

/** Confirmed matches that reserve a device for the request but were not handed over yet. */
const reservedCount = sql<number>`(SELECT count(*) FROM ${matches} WHERE ${matches.requestId} = ${deviceRequests.id} AND ${matches.status} = 'confirmed')`;

const requestColumns = {
  id: deviceRequests.id,
  organizationId: deviceRequests.organizationId,
  organizationName: organizations.name,
  requesterId: deviceRequests.requesterId,
  requesterName: users.name,
  requesterKind: deviceRequests.requesterKind,
  type: deviceRequests.type,
  quantity: deviceRequests.quantity,
  minRamGb: deviceRequests.minRamGb,
  minStorageGb: deviceRequests.minStorageGb,
  minScreenInches: deviceRequests.minScreenInches,
  keyboardLayout: deviceRequests.keyboardLayout,
  purpose: deviceRequests.purpose,
  beneficiaries: deviceRequests.beneficiaries,
  neededBy: deviceRequests.neededBy,
  status: deviceRequests.status,
  priority: deviceRequests.priority,
  rejectionReason: deviceRequests.rejectionReason,
  reviewedAt: deviceRequests.reviewedAt,
  fulfilled: deviceRequests.fulfilled,
  reserved: reservedCount,
  createdAt: deviceRequests.createdAt,
};

function requestQuery() {
  return db
    .select(requestColumns)
    .from(deviceRequests)
    .innerJoin(organizations, eq(organizations.id, deviceRequests.organizationId))
    .innerJoin(users, eq(users.id, deviceRequests.requesterId));
}

export type RequestView = NonNullable<ReturnType<typeof getRequest>>;

export function getRequest(id: number) {
  return requestQuery().where(eq(deviceRequests.id, id)).get() ?? null;
}

/** Who sees which requests: a coordinator all, a school or nonprofit its organization's, an employee their own. */
export function requestScopeCondition(user: SessionUser): SQL | undefined {
  if (user.role === "coordinator") return undefined;
  if (user.role === "recipient") return eq(deviceRequests.organizationId, user.organization.id);
  return eq(deviceRequests.requesterId, user.id);
}

export function canSeeRequest(user: SessionUser, request: RequestView): boolean {
  if (user.role === "coordinator") return true;
  if (user.role === "recipient") return request.organizationId === user.organization.id;
  return request.requesterId === user.id;
}

export function listRequests(user: SessionUser, filter: { status?: RequestStatus } = {}): { items: RequestView[]; total: number } {
  const conditions = [requestScopeCondition(user), filter.status ? eq(deviceRequests.status, filter.status) : undefined].filter(
    (condition) => condition !== undefined,
  );
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const items = requestQuery().where(where).orderBy(desc(deviceRequests.createdAt), desc(deviceRequests.id)).all();
  const total = db.select({ total: count() }).from(deviceRequests).where(where).get()?.total ?? 0;
  return { items, total };
}

export type ReviewResult = { ok: true; request: RequestView } | { ok: false; reason: "not-found" | "not-submitted" };

export function approveRequest(id: number, priority: number, coordinatorId: string, now: number = Date.now()): ReviewResult {
  return review(id, coordinatorId, now, { status: "approved", priority }, "requestApproved");
}

export function rejectRequest(id: number, reason: string, coordinatorId: string, now: number = Date.now()): ReviewResult {
  return review(id, coordinatorId, now, { status: "rejected", rejectionReason: reason.trim() }, "requestRejected");
}

function review(
  id: number,
  coordinatorId: string,
  now: number,
  decision: { status: "approved"; priority: number } | { status: "rejected"; rejectionReason: string },
  notification: "requestApproved" | "requestRejected",
): ReviewResult {
  const existing = getRequest(id);
  if (!existing) return { ok: false, reason: "not-found" };
  const reviewed = db.transaction((tx) => {
    const result = tx
      .update(deviceRequests)
      .set({ ...decision, reviewedById: coordinatorId, reviewedAt: new Date(now) })
      .where(and(eq(deviceRequests.id, id), eq(deviceRequests.status, "submitted")))
      .run();
    if (result.changes !== 1) return false;
    notify(
      existing.requesterId,
      notification,
      {
        request: `#${id}`,
        reason: decision.status === "rejected" ? decision.rejectionReason : "",
        priority: decision.status === "approved" ? String(decision.priority) : "",
      },
      "/requests",
      tx,
    );
    return true;
  });
  if (!reviewed) return { ok: false, reason: "not-submitted" };
  return { ok: true, request: getRequest(id)! };
}

export function cancelRequest(id: number, user: SessionUser): { ok: true } | { ok: false; reason: "not-found" | "not-cancellable" } {
  const request = getRequest(id);
  if (!request || !canSeeRequest(user, request)) return { ok: false, reason: "not-found" };
  if (!canCancel(request.status) || request.reserved > 0) return { ok: false, reason: "not-cancellable" };
  // The conditions are repeated in the UPDATE: a device reserved meanwhile keeps the request open.
  const result = db
    .update(deviceRequests)
    .set({ status: "cancelled" })
    .where(
      and(
        eq(deviceRequests.id, id),
        inArray(deviceRequests.status, ["submitted", "approved", "partly-fulfilled"]),
        sql`NOT EXISTS (SELECT 1 FROM ${matches} WHERE ${matches.requestId} = ${deviceRequests.id} AND ${matches.status} = 'confirmed')`,
      ),
    )
    .run();
  return result.changes === 1 ? { ok: true } : { ok: false, reason: "not-cancellable" };
}

/** Approved requests with slots left, for the matching engine. */
export function openRequestsForMatching() {
  return requestQuery()
    .where(inArray(deviceRequests.status, ["approved", "partly-fulfilled"]))
    .all()
    .map((request) => ({ ...request, openSlots: openSlots(request) }))
    .filter((request) => request.openSlots > 0);
}
