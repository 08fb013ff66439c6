import { beforeAll, describe, expect, test } from "vitest";
import type { UserActor } from "~/domain/lifecycle";
import { listDeviceCustody } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { getRequest } from "~/models/request.server";
import { approvedRequest, commandValue, createActor, deviceInState, lifecycleCast } from "~/test/factories";
import { confirmMatches } from "./confirm-matches.server";

let coordinator: UserActor;
let teacher: UserActor;

beforeAll(() => {
  coordinator = lifecycleCast().coordinator;
  teacher = createActor("recipient");
});

describe("confirmMatches", () => {
  test("confirms several proposals at once: one reserve event per device, each reported", () => {
    const devices = [deviceInState("listed"), deviceInState("listed"), deviceInState("listed")];
    const request = approvedRequest(teacher, { quantity: 2 });
    const other = approvedRequest(createActor("recipient"));
    const result = commandValue(
      confirmMatches(coordinator, {
        pairs: [
          { deviceId: devices[0]!.id, requestId: request.id },
          { deviceId: devices[1]!.id, requestId: request.id },
          { deviceId: devices[2]!.id, requestId: other.id },
        ],
      }),
    );
    expect(result).toMatchObject({ succeeded: 3, refused: 0 });
    expect(result.outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true]);
    for (const device of devices) {
      expect(getDevice(device.id)?.status).toBe("reserved");
      expect(listDeviceCustody(device.id).filter((event) => event.type === "reserve")).toHaveLength(1);
    }
    expect(getRequest(request.id)?.reserved).toBe(2);
  });

  test("a refused pair is rolled back alone and reported; the others go through", () => {
    const fits = deviceInState("listed");
    const tooSmall = deviceInState("listed", { input: { ramGb: 2 } });
    const request = approvedRequest(teacher, { quantity: 1, minRamGb: 4 });
    const secondRequest = approvedRequest(createActor("recipient"), { minRamGb: 4 });
    const result = commandValue(
      confirmMatches(coordinator, {
        pairs: [
          { deviceId: fits.id, requestId: request.id },
          { deviceId: fits.id, requestId: secondRequest.id },
          { deviceId: tooSmall.id, requestId: secondRequest.id },
        ],
      }),
    );
    expect(result).toMatchObject({ succeeded: 1, refused: 2 });
    expect(result.outcomes).toEqual([
      expect.objectContaining({ deviceId: fits.id, requestId: request.id, ok: true, assetTag: fits.assetTag }),
      expect.objectContaining({ deviceId: fits.id, requestId: secondRequest.id, ok: false, refusal: { reason: "device-not-listed" } }),
      expect.objectContaining({ deviceId: tooSmall.id, requestId: secondRequest.id, ok: false, refusal: { reason: "not-feasible" } }),
    ]);
    expect(getDevice(tooSmall.id)?.status).toBe("listed");
    expect(listDeviceCustody(tooSmall.id).some((event) => event.type === "reserve")).toBe(false);
  });

  test("a pair sent twice counts once", () => {
    const device = deviceInState("listed");
    const request = approvedRequest(teacher);
    const result = commandValue(
      confirmMatches(coordinator, {
        pairs: [
          { deviceId: device.id, requestId: request.id },
          { deviceId: device.id, requestId: request.id },
        ],
      }),
    );
    expect(result.outcomes).toHaveLength(1);
    expect(result.succeeded).toBe(1);
  });

  test("only a coordinator confirms", () => {
    const device = deviceInState("listed");
    const request = approvedRequest(teacher);
    expect(confirmMatches(teacher, { pairs: [{ deviceId: device.id, requestId: request.id }] })).toEqual({ ok: false, reason: "forbidden" });
    expect(getDevice(device.id)?.status).toBe("listed");
  });
});
