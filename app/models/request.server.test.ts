// The request queries: who sees which request (app/domain/scope.ts decides), and which requests the
// matching engine sees. Filing, reviewing and cancelling are commands with their own tests.
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { deviceRequests } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { requestScopeOf } from "~/domain/scope";
import { approvedRequest, commandValue, createActor, createOrganization, deviceInState, lifecycleCast, submittedRequest } from "~/test/factories";
import { confirmMatch } from "~/commands/matches/confirm-match.server";
import { handOverDevice } from "~/commands/devices/hand-over-device.server";
import { cancelRequest } from "~/commands/requests/cancel-request.server";
import { rejectRequest } from "~/commands/requests/reject-request.server";
import { canSeeRequest, getRequest, listRequests, openRequestsForMatching, type RequestView } from "./request.server";

const ids = (requests: { id: number }[]) => requests.map((request) => request.id).sort((a, b) => a - b);
const listFor = (actor: UserActor, filter: Parameters<typeof listRequests>[1] = {}) => listRequests(requestScopeOf(actor), filter);

describe("listRequests and canSeeRequest", () => {
  // Organizations and people of their own, so that the lists are exactly known.
  let river: UserActor;
  let riverColleague: UserActor;
  let hill: UserActor;
  let clerk: UserActor;
  let clerkColleague: UserActor;
  let scoped: { river: RequestView[]; hill: RequestView[]; clerk: RequestView[]; clerkColleague: RequestView[] };

  beforeAll(() => {
    const riverId = createOrganization("school");
    const libraryId = createOrganization("department");
    river = createActor("recipient", riverId);
    riverColleague = createActor("recipient", riverId);
    hill = createActor("recipient", createOrganization("nonprofit"));
    clerk = createActor("employee", libraryId);
    clerkColleague = createActor("employee", libraryId);
    scoped = {
      river: [submittedRequest(river), submittedRequest(riverColleague, { type: "tablet" }), submittedRequest(river, { type: "desktop" })],
      hill: [submittedRequest(hill)],
      clerk: [submittedRequest(clerk, { quantity: 1 })],
      clerkColleague: [submittedRequest(clerkColleague, { quantity: 1 })],
    };
  });

  test("a coordinator sees every request, and the total counts them all", () => {
    const everything = db.select({ id: deviceRequests.id }).from(deviceRequests).all();
    const list = listFor(lifecycleCast().coordinator);
    expect(ids(list.items)).toEqual(ids(everything));
    expect(list.total).toBe(everything.length);
  });

  test("a recipient sees their organization's requests, a colleague's included, and no one else's", () => {
    for (const member of [river, riverColleague]) {
      const list = listFor(member);
      expect(ids(list.items)).toEqual(ids(scoped.river));
      expect(list.total).toBe(3);
      for (const request of scoped.river) expect(canSeeRequest(member, request)).toBe(true);
      expect(canSeeRequest(member, scoped.hill[0]!)).toBe(false);
    }
    expect(ids(listFor(hill).items)).toEqual(ids(scoped.hill));
  });

  test("an employee sees only their own requests, not a colleague's of the same department", () => {
    expect(listFor(clerk)).toMatchObject({ total: 1, items: [{ id: scoped.clerk[0]!.id }] });
    expect(ids(listFor(clerkColleague).items)).toEqual(ids(scoped.clerkColleague));
    expect(canSeeRequest(clerk, scoped.clerkColleague[0]!)).toBe(false);
  });

  test("staff who file no requests see none", () => {
    for (const actor of [createActor("department"), lifecycleCast().technician]) {
      expect(listFor(actor)).toEqual({ items: [], total: 0 });
      expect(canSeeRequest(actor, scoped.river[0]!)).toBe(false);
    }
  });

  test("newest first", () => {
    const list = listFor(river).items.map((item) => item.id);
    expect(list).toEqual([...list].sort((a, b) => b - a));
  });

  test("the status filter narrows the list and its total, within the person's scope", () => {
    const { coordinator } = lifecycleCast();
    const [first, second, third] = scoped.river;
    commandValue(rejectRequest(coordinator, { requestId: second!.id, reason: "Tablets are not available" }));
    const approved = approvedRequest(river);

    expect(listFor(river, { status: "approved" })).toMatchObject({ total: 1, items: [{ id: approved.id }] });
    expect(listFor(river, { status: "rejected" }).items.map((item) => item.id)).toEqual([second!.id]);
    expect(ids(listFor(river, { status: "submitted" }).items)).toEqual(ids([first!, third!]));
    expect(listFor(river, { status: "fulfilled" })).toEqual({ items: [], total: 0 });
    expect(listFor(hill, { status: "approved" })).toEqual({ items: [], total: 0 });

    const allApproved = listFor(coordinator, { status: "approved" });
    expect(allApproved.items.every((item) => item.status === "approved")).toBe(true);
    expect(allApproved.total).toBe(db.select({ total: count() }).from(deviceRequests).where(eq(deviceRequests.status, "approved")).get()?.total);
  });

  test("getRequest reads one request, or null", () => {
    expect(getRequest(scoped.hill[0]!.id)).toEqual(scoped.hill[0]);
    expect(getRequest(987_654)).toBeNull();
  });
});

describe("openRequestsForMatching", () => {
  test("only approved and partly fulfilled requests with open slots, with their count of open slots", () => {
    const { coordinator, technician } = lifecycleCast();
    const worker = createActor("recipient", createOrganization("nonprofit"));
    const fitting = { minRamGb: 0, minStorageGb: 0 };
    const submitted = submittedRequest(worker);
    const rejected = submittedRequest(worker);
    commandValue(rejectRequest(coordinator, { requestId: rejected.id, reason: "No" }));
    const cancelled = approvedRequest(worker);
    commandValue(cancelRequest(worker, { requestId: cancelled.id }));
    const open = approvedRequest(worker, { quantity: 4 });

    // Partly fulfilled, with one more reserved: 3 − 1 − 1 = 1 open slot.
    const partly = approvedRequest(worker, { quantity: 3, ...fitting });
    const [handedOver, held] = [deviceInState("listed"), deviceInState("listed")];
    commandValue(confirmMatch(coordinator, { deviceId: handedOver.id, requestId: partly.id }));
    commandValue(handOverDevice(technician, { deviceId: handedOver.id, signedBy: "Nina Nonprofit" }));
    commandValue(confirmMatch(coordinator, { deviceId: held.id, requestId: partly.id }));
    expect(getRequest(partly.id)).toMatchObject({ status: "partly-fulfilled", fulfilled: 1, reserved: 1 });

    // Approved, but its one slot is reserved; and one fulfilled.
    const allReserved = deviceInState("reserved", { requester: worker }).requestId!;
    const fulfilled = deviceInState("deployed", { requester: worker }).requestId!;
    expect(getRequest(fulfilled)?.status).toBe("fulfilled");

    const openSlots = new Map(openRequestsForMatching().map((request) => [request.id, request.openSlots]));
    expect(openSlots.get(open.id)).toBe(4);
    expect(openSlots.get(partly.id)).toBe(1);
    for (const closed of [submitted.id, rejected.id, cancelled.id, allReserved, fulfilled]) expect(openSlots.has(closed)).toBe(false);
    for (const request of openRequestsForMatching()) {
      expect(["approved", "partly-fulfilled"]).toContain(request.status);
      expect(request.openSlots).toBe(request.quantity - request.fulfilled - request.reserved);
      expect(request.openSlots).toBeGreaterThan(0);
    }
  });
});
