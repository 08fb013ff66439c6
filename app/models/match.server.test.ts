// The model's queries behind matching: the engine's view of listed devices and open requests, and
// whom a reserved device is held for. Confirming, handing over, releasing and returning are commands
// with their own tests (app/commands/matches/, app/commands/devices/).
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { custodyEvents, devices, matches } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { verifyLedger } from "./custody.server";
import { getDevice, type DeviceInput } from "./device.server";
import { listReservedFor, proposeMatches, reservationOf } from "./match.server";
import { getRequest, openRequestsForMatching } from "./request.server";
import { approvedRequest, createActor, createOrganization, deviceInState, submittedRequest } from "~/test/factories";

let teacher: UserActor;
let otherTeacher: UserActor;
let employee: UserActor;

beforeAll(() => {
  teacher = createActor("recipient", createOrganization("school", "approved", "Sunny Hill School"));
  otherTeacher = createActor("recipient");
  employee = createActor("employee");
});

/** A device walked to `listed` by the commands, with these specifications. */
function listedDevice(overrides: Partial<DeviceInput> = {}) {
  return deviceInState("listed", { input: overrides });
}

function eventCount(): number {
  return db.select({ total: count() }).from(custodyEvents).get()?.total ?? 0;
}

function statuses(): Map<number, string> {
  return new Map(
    db
      .select({ id: devices.id, status: devices.status })
      .from(devices)
      .all()
      .map((row) => [row.id, row.status]),
  );
}

describe("proposeMatches", () => {
  test("proposes listed devices for open requests and changes nothing", () => {
    // Tablets: no other test uses them, so the proposals for these requests are exactly known.
    const tablets = [
      listedDevice({
        type: "tablet",
        ramGb: 4,
        storageGb: 64,
        screenInches: 10,
        keyboardLayout: null,
        media: [{ serial: "TAB-1", kind: "eMMC", capacityGb: 64 }],
      }),
      listedDevice({
        type: "tablet",
        ramGb: 4,
        storageGb: 64,
        screenInches: 10,
        keyboardLayout: null,
        media: [{ serial: "TAB-2", kind: "eMMC", capacityGb: 64 }],
      }),
    ];
    const urgent = approvedRequest(teacher, { type: "tablet", quantity: 1, minRamGb: 2, minStorageGb: 32 }, 90);
    const lessUrgent = approvedRequest(otherTeacher, { type: "tablet", quantity: 3, minRamGb: 2, minStorageGb: 32 }, 10);
    const tooDemanding = approvedRequest(employee, { type: "tablet", quantity: 1, minRamGb: 16, minStorageGb: 32 }, 100);
    const notApproved = submittedRequest(teacher, { type: "tablet", quantity: 1, minRamGb: 2, minStorageGb: 32 });

    const statusesBefore = statuses();
    const [eventsBefore, matchesBefore] = [eventCount(), db.select({ total: count() }).from(matches).get()?.total];
    const requestsBefore = [urgent, lessUrgent, tooDemanding, notApproved].map((request) => getRequest(request.id));

    const result = proposeMatches();

    const tabletProposals = result.proposals.filter((proposal) => tablets.some((tablet) => tablet.id === proposal.deviceId));
    expect(tabletProposals.map((proposal) => proposal.requestId).sort((a, b) => a - b)).toEqual([urgent.id, lessUrgent.id].sort((a, b) => a - b));
    expect(new Set(tabletProposals.map((proposal) => proposal.deviceId))).toEqual(new Set(tablets.map((tablet) => tablet.id)));
    for (const proposal of tabletProposals) expect(proposal.score).toBe(proposal.explanation.total);
    expect(result.proposals.some((proposal) => proposal.requestId === tooDemanding.id || proposal.requestId === notApproved.id)).toBe(false);
    expect(result.unserved).toContainEqual(expect.objectContaining({ requestId: tooDemanding.id, openSlots: 1, unservedSlots: 1, reason: "specs-too-high" }));
    expect(result.unserved).toContainEqual(
      expect.objectContaining({
        requestId: lessUrgent.id,
        openSlots: 3,
        unservedSlots: 2,
        reason: "all-taken",
        takenBy: [{ requestId: urgent.id, devices: 1, higherScore: true }],
      }),
    );
    // Every proposal pairs a listed device with an open request, each device at most once.
    const listedIds = new Set([...statusesBefore].filter(([, status]) => status === "listed").map(([id]) => id));
    const openIds = new Set(openRequestsForMatching().map((request) => request.id));
    for (const proposal of result.proposals) {
      expect(listedIds.has(proposal.deviceId)).toBe(true);
      expect(openIds.has(proposal.requestId)).toBe(true);
    }
    expect(new Set(result.proposals.map((proposal) => proposal.deviceId)).size).toBe(result.proposals.length);

    // Nothing moved: no device, match, event or request changed.
    expect(statuses()).toEqual(statusesBefore);
    expect(eventCount()).toBe(eventsBefore);
    expect(db.select({ total: count() }).from(matches).get()?.total).toBe(matchesBefore);
    expect([urgent, lessUrgent, tooDemanding, notApproved].map((request) => getRequest(request.id))).toEqual(requestsBefore);
    for (const tablet of tablets) expect(getDevice(tablet.id)?.status).toBe("listed");
  });
});

describe("reservationOf and listReservedFor", () => {
  test("a school's reservation names the school and is listed for it", () => {
    const device = deviceInState("reserved", { requester: teacher });
    expect(reservationOf(device.id)).toEqual({
      matchId: expect.any(Number),
      requestId: device.requestId,
      recipientName: "Sunny Hill School",
      requesterKind: "organization",
      manual: false,
      manualReason: null,
    });
    expect(listReservedFor({ organizationId: teacher.organizationId }).map((row) => row.id)).toContain(device.id);
    expect(listReservedFor({ organizationId: otherTeacher.organizationId }).map((row) => row.id)).not.toContain(device.id);
  });

  test("an employee's reservation names the employee and is listed for them only", () => {
    const device = deviceInState("reserved", { requester: employee });
    expect(reservationOf(device.id)).toMatchObject({ requesterKind: "employee", requestId: device.requestId });
    expect(listReservedFor({ userId: employee.userId }).map((row) => row.id)).toEqual([device.id]);
    expect(listReservedFor({ organizationId: employee.organizationId }).map((row) => row.id)).not.toContain(device.id);
  });

  test("a listed or handed-over device is reserved for no one", () => {
    expect(reservationOf(deviceInState("listed").id)).toBeNull();
    expect(reservationOf(deviceInState("deployed", { requester: teacher }).id)).toBeNull();
  });
});

describe("the ledger", () => {
  test("still verifies after everything in this file", () => {
    const verdict = verifyLedger();
    expect(verdict.intact).toBe(true);
    expect(verdict.count).toBe(eventCount());
  });
});
