// The dashboard's SQL aggregates against a second path: every device's handovers read one by one and
// summed with the domain's per-device rule. Both must agree, in total and per department and month.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { custodyEvents, devices } from "~db/schema";
import { db } from "~/db.server";
import { returnDevice } from "~/commands/devices/return-device.server";
import { addFigures, deviceFigures, noFigures, periodOfDays, roundFigures, type ImpactFigures, type Period } from "~/domain/impact";
import type { UserActor } from "~/domain/lifecycle";
import { commandValue, createOrganization, deviceInState, lifecycleCast } from "~/test/factories";
import { appendCustodyEvent } from "./custody.server";
import { impactPrices, impactSummary, publicImpact, type ImpactScope } from "./impact.server";

let parks: number;
let library: number;
let technician: UserActor;

function perDeviceTotals(period: Period, scope: ImpactScope): ImpactFigures {
  const rows = db.select().from(devices).all();
  let total = noFigures;
  for (const device of rows) {
    if (scope.kind === "department" && device.departmentId !== scope.departmentId) continue;
    const handovers = db
      .select({ seq: custodyEvents.seq, at: custodyEvents.at, toHolder: custodyEvents.toHolder, type: custodyEvents.type })
      .from(custodyEvents)
      .where(eq(custodyEvents.deviceId, device.id))
      .orderBy(asc(custodyEvents.seq))
      .all()
      .filter((event) => event.type === "handover");
    const figures = deviceFigures(
      { type: device.type, carbonKgCo2e: device.carbonKgCo2e, weightKg: device.weightKg, referenceWeightKg: device.carbonReferenceWeightKg },
      handovers,
      period.startMs,
      period.endMs,
      impactPrices(),
    );
    total = addFigures(total, figures);
  }
  return roundFigures(total);
}

beforeAll(() => {
  createOrganization("it_service");
  parks = createOrganization("department", "approved", "Parks");
  library = createOrganization("department", "approved", "Library");
  technician = lifecycleCast().coordinator;
  deviceInState("deployed", { departmentId: parks });
  deviceInState("deployed", { departmentId: parks, input: { type: "monitor", manufacturer: "Acme", model: "View 24", weightKg: null, media: [] } });
  deviceInState("deployed", { departmentId: library, input: { manufacturer: "Apple", model: "iPhone 13 Pro", type: "phone", weightKg: null } });
  deviceInState("recycled", { departmentId: library });
  deviceInState("registered", { departmentId: library });
  // Returned, then out again to a new holder and once more to the same one (appended as the ledger would hold them).
  const twice = deviceInState("deployed", { departmentId: library });
  commandValue(returnDevice(technician, { deviceId: twice.id, reason: "Broken screen" }));
  db.transaction((tx) => {
    const nonprofit = createOrganization("nonprofit");
    for (const organizationId of [nonprofit, nonprofit]) {
      appendCustodyEvent(tx, {
        deviceId: twice.id,
        actorId: "test",
        at: Date.now(),
        draft: {
          type: "handover",
          fromStatus: "reserved",
          toStatus: "deployed",
          fromHolder: null,
          toHolder: { kind: "organization", organizationId },
          details: { signatureId: null },
        },
      });
    }
  });
}, 120_000);

describe("impact totals by two paths", { timeout: 60_000 }, () => {
  const everything = periodOfDays("2000-01-01", "2100-12-31");

  test("the SQL aggregates equal the sum of per-device figures, city-wide and per department", () => {
    const summary = impactSummary(everything, { kind: "all" });
    expect(summary.totals).toEqual(perDeviceTotals(everything, { kind: "all" }));
    expect(summary.totals.devicesRedeployed).toBe(5);
    for (const departmentId of [parks, library]) {
      const department = impactSummary(everything, { kind: "department", departmentId });
      expect(department.totals).toEqual(perDeviceTotals(everything, { kind: "department", departmentId }));
      expect(summary.byDepartment.find((row) => row.departmentId === departmentId)).toMatchObject(department.totals);
    }
  });

  test("months add up to the totals; destinations and recycling are counted", () => {
    const summary = impactSummary(everything, { kind: "all" });
    const months = summary.byMonth.reduce<ImpactFigures>((sum, month) => addFigures(sum, month), noFigures);
    expect(roundFigures(months)).toEqual(summary.totals);
    expect(summary.devicesRecycled).toBe(1);
    expect(summary.destinations.nonprofit).toBe(1);
    expect(summary.destinations.school + summary.destinations.nonprofit + summary.destinations.other + summary.destinations.employee).toBe(5);
    expect(summary.serviceLife.recycledWithoutReuse.devices).toBe(1);
    expect(summary.serviceLife.reusedSecondLife.redeployments).toBe(6);
  });

  test("a department sees only its own devices", () => {
    const parksOnly = impactSummary(everything, { kind: "department", departmentId: parks });
    expect(parksOnly.totals.devicesRedeployed).toBe(2);
    expect(parksOnly.byDepartment.map((row) => row.departmentName)).toEqual(["Parks"]);
  });

  test("a period before anything happened is all zero; the public figures carry the period and months", () => {
    const empty = periodOfDays("2001-01-01", "2001-03-31");
    expect(impactSummary(empty, { kind: "all" }).totals).toEqual(noFigures);
    const open = publicImpact(empty);
    expect(Object.keys(open)).toEqual(["from", "to", "devicesRedeployed", "kgCo2eAvoided", "kgEwasteDiverted", "eurReplacementAvoided", "byMonth"]);
    expect(open.byMonth.map((month) => month.month)).toEqual(["2001-01", "2001-02", "2001-03"]);
  });
});
