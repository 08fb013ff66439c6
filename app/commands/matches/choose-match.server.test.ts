import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { matches } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { listDeviceCustody } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { matchBoard, reservationOf } from "~/models/match.server";
import { approvedRequest, commandValue, createActor, deviceInState, lifecycleCast } from "~/test/factories";
import { chooseMatch } from "./choose-match.server";

let coordinator: UserActor;
let teacher: UserActor;

beforeAll(() => {
  coordinator = lifecycleCast().coordinator;
  teacher = createActor("recipient");
});

const matchesOf = (deviceId: number) => db.select().from(matches).where(eq(matches.deviceId, deviceId)).orderBy(asc(matches.id)).all();

describe("chooseMatch", () => {
  test("reserves a fitting device chosen by hand, marked as a manual choice with the reason", () => {
    const device = deviceInState("listed");
    const request = approvedRequest(teacher);
    const chosen = commandValue(chooseMatch(coordinator, { deviceId: device.id, requestId: request.id, reason: "  The school asked for this model  " }));
    expect(chosen).toMatchObject({ requestId: request.id, manual: true });
    expect(chosen.device.status).toBe("reserved");
    expect(matchesOf(device.id)).toEqual([expect.objectContaining({ status: "confirmed", manual: true, manualReason: "The school asked for this model" })]);
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({ type: "reserve", details: { requestId: request.id } });
    expect(reservationOf(device.id)).toMatchObject({ manual: true, manualReason: "The school asked for this model" });
  });

  test("the reason is optional", () => {
    const device = deviceInState("listed");
    const request = approvedRequest(teacher);
    commandValue(chooseMatch(coordinator, { deviceId: device.id, requestId: request.id, reason: "" }));
    expect(matchesOf(device.id)[0]).toMatchObject({ manual: true, manualReason: null });
  });

  test("only a device the engine finds feasible can be chosen: a non-fitting device is refused and nothing is written", () => {
    const small = deviceInState("listed", { input: { ramGb: 4 } });
    const tablet = deviceInState("listed", { input: { type: "tablet" } });
    const request = approvedRequest(teacher, { minRamGb: 8 });
    // The board offers exactly the devices the engine's feasibility test accepts.
    const offered = matchBoard().requests.find((each) => each.id === request.id)?.fittingDeviceIds ?? [];
    expect(offered).not.toContain(small.id);
    expect(offered).not.toContain(tablet.id);
    for (const device of [small, tablet]) {
      expect(chooseMatch(coordinator, { deviceId: device.id, requestId: request.id, reason: "" })).toEqual({ ok: false, reason: "not-feasible" });
      expect(getDevice(device.id)?.status).toBe("listed");
      expect(matchesOf(device.id)).toEqual([]);
    }
  });

  test("a device that is no longer listed, or an unknown request, is refused", () => {
    const reserved = deviceInState("listed");
    const request = approvedRequest(teacher, { quantity: 2 });
    commandValue(chooseMatch(coordinator, { deviceId: reserved.id, requestId: request.id, reason: "" }));
    expect(chooseMatch(coordinator, { deviceId: reserved.id, requestId: request.id, reason: "" })).toEqual({ ok: false, reason: "device-not-listed" });
    expect(chooseMatch(coordinator, { deviceId: deviceInState("listed").id, requestId: 999_999, reason: "" })).toMatchObject({
      ok: false,
      reason: "not-found",
    });
  });

  test("only a coordinator chooses", () => {
    const device = deviceInState("listed");
    const request = approvedRequest(teacher);
    expect(chooseMatch(teacher, { deviceId: device.id, requestId: request.id, reason: "" })).toEqual({ ok: false, reason: "forbidden" });
  });
});
