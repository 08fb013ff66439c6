// The queries about requests for devices: what the pages, the API and the request and matching
// commands (app/commands/requests/, app/commands/matches/) read. Each takes an optional `database`
// so that a command reads inside its own transaction. Who sees which request is app/domain/scope.ts.
import { and, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { deviceRequests, matches, organizations, users } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { openSlots, type RequestStatus } from "~/domain/requests";
import { requestInScope, requestScopeOf, type RequestScope } from "~/domain/scope";

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
  rubricAnswers: deviceRequests.rubricAnswers,
  rubricPriority: deviceRequests.rubricPriority,
  priorityReason: deviceRequests.priorityReason,
  rejectionReason: deviceRequests.rejectionReason,
  reviewedAt: deviceRequests.reviewedAt,
  fulfilled: deviceRequests.fulfilled,
  reserved: reservedCount,
  createdAt: deviceRequests.createdAt,
};

function requestQuery(database: CircuitDatabase = db) {
  return database
    .select(requestColumns)
    .from(deviceRequests)
    .innerJoin(organizations, eq(organizations.id, deviceRequests.organizationId))
    .innerJoin(users, eq(users.id, deviceRequests.requesterId));
}

export type RequestView = NonNullable<ReturnType<typeof getRequest>>;

export function getRequest(id: number, database: CircuitDatabase = db) {
  return requestQuery(database).where(eq(deviceRequests.id, id)).get() ?? null;
}

/** The requests a scope covers, as a WHERE condition (undefined: all of them). */
export function requestScopeCondition(scope: RequestScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "organization":
      return and(eq(deviceRequests.organizationId, scope.organizationId), eq(deviceRequests.requesterKind, "organization"));
    case "requester":
      return eq(deviceRequests.requesterId, scope.userId);
    case "none":
      return sql`0`;
  }
}

export function canSeeRequest(actor: UserActor, request: RequestView): boolean {
  return requestInScope(request, requestScopeOf(actor));
}

export function listRequests(scope: RequestScope, filter: { status?: RequestStatus } = {}): { items: RequestView[]; total: number } {
  const conditions = [requestScopeCondition(scope), filter.status ? eq(deviceRequests.status, filter.status) : undefined].filter(
    (condition) => condition !== undefined,
  );
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const items = requestQuery().where(where).orderBy(desc(deviceRequests.createdAt), desc(deviceRequests.id)).all();
  const total = db.select({ total: count() }).from(deviceRequests).where(where).get()?.total ?? 0;
  return { items, total };
}

/** Approved requests with slots left, for the matching engine. */
export function openRequestsForMatching(database: CircuitDatabase = db) {
  return requestQuery(database)
    .where(inArray(deviceRequests.status, ["approved", "partly-fulfilled"]))
    .all()
    .map((request) => ({ ...request, openSlots: openSlots(request) }))
    .filter((request) => request.openSlots > 0);
}
