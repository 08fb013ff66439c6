import { beforeAll, describe, expect, test } from "vitest";
import { recordStorageAbsence } from "~/commands/wipes/record-storage-absence.server";
import { recordWipe } from "~/commands/wipes/record-wipe.server";
import { validateWipe } from "~/commands/wipes/validate-wipe.server";
import { deactivateUser } from "~/commands/users/deactivate-user.server";
import type { UserActor } from "~/domain/lifecycle";
import { commandValue, createActor, deviceInput, deviceInState, lifecycleCast, passingWipe, submittedRequest } from "~/test/factories";
import { listNotifications } from "./notification.server";

let performer: UserActor;
let colleague: UserActor;
let leftTheCity: UserActor;

beforeAll(() => {
  const { itServiceId, coordinator } = lifecycleCast();
  performer = createActor("technician", itServiceId);
  colleague = createActor("technician", itServiceId);
  leftTheCity = createActor("technician", itServiceId);
  commandValue(deactivateUser(coordinator, { userId: leftTheCity.userId }));
});

const about = (actor: UserActor, kind: string, link: string) =>
  listNotifications(actor.userId, 500).filter((notification) => notification.kind === kind && notification.link === link);

describe("a wipe waits for your validation", () => {
  test("a passing wipe record tells the other active technicians, once per device while unread; never its performer", () => {
    const device = deviceInState("collected", {
      input: deviceInput({
        media: [
          { serial: "A-1", kind: "SSD", capacityGb: 256 },
          { serial: "A-2", kind: "HDD", capacityGb: 500 },
        ],
      }),
    });
    for (const medium of device.media) commandValue(recordWipe(performer, { deviceId: device.id, mediumId: medium.id, ...passingWipe() }));
    const link = `/devices/${device.id}`;
    expect(about(colleague, "wipeAwaitsValidation", link)).toHaveLength(1);
    expect(about(colleague, "wipeAwaitsValidation", link)[0]?.values.assetTag).toBe(device.assetTag);
    expect(about(performer, "wipeAwaitsValidation", link)).toHaveLength(0);
    expect(about(leftTheCity, "wipeAwaitsValidation", link)).toHaveLength(0);
  });

  test("settled once nothing on the device waits any more: read for everyone, not while a second drive still waits", () => {
    const device = deviceInState("collected", {
      input: deviceInput({
        media: [
          { serial: "B-1", kind: "SSD", capacityGb: 256 },
          { serial: "B-2", kind: "SSD", capacityGb: 256 },
        ],
      }),
    });
    const [first, second] = device.media.map((medium) => commandValue(recordWipe(performer, { deviceId: device.id, mediumId: medium.id, ...passingWipe() })));
    const link = `/devices/${device.id}`;
    commandValue(validateWipe(colleague, { wipeId: first!.id }));
    expect(about(colleague, "wipeAwaitsValidation", link).map((notification) => notification.read)).toEqual([false]);
    commandValue(validateWipe(colleague, { wipeId: second!.id }));
    expect(about(colleague, "wipeAwaitsValidation", link).map((notification) => notification.read)).toEqual([true]);
  });

  test("a failed record tells nobody (it is never validated)", () => {
    const device = deviceInState("collected");
    commandValue(recordWipe(performer, { deviceId: device.id, mediumId: device.media[0]!.id, ...passingWipe({ result: "fail" }) }));
    expect(about(colleague, "wipeAwaitsValidation", `/devices/${device.id}`)).toHaveLength(0);
  });

  test("a no-storage record tells the other technicians too", () => {
    const device = deviceInState("collected", { input: deviceInput({ media: [] }) });
    commandValue(recordStorageAbsence(performer, { deviceId: device.id }));
    expect(about(colleague, "wipeAwaitsValidation", `/devices/${device.id}`)).toHaveLength(1);
    expect(about(performer, "wipeAwaitsValidation", `/devices/${device.id}`)).toHaveLength(0);
  });
});

describe("a request waits for review", () => {
  test("a filed request tells every coordinator, one notification per request", () => {
    const { coordinator } = lifecycleCast();
    const school = createActor("recipient");
    const first = submittedRequest(school);
    const second = submittedRequest(school);
    for (const request of [first, second]) {
      const told = about(coordinator, "requestAwaitsReview", `/requests#request-${request.id}`);
      expect(told).toHaveLength(1);
      expect(told[0]?.values).toEqual({ request: String(request.id), organization: request.organizationName });
    }
  });
});
