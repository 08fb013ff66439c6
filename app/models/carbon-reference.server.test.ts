import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { devices } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { editRegistration } from "~/commands/devices/edit-registration.server";
import { registerDevice } from "~/commands/devices/register-device.server";
import { commandValue, createActor, createOrganization, deviceInput } from "~/test/factories";
import { backfillCarbonFigures, deviceCarbonReferenceUrl } from "./carbon-reference.server";
import { getDevice } from "./device.server";

let coordinator: UserActor;
let departmentId: number;

beforeAll(() => {
  createOrganization("it_service");
  departmentId = createOrganization("department");
  coordinator = createActor("coordinator");
});

describe("a device's carbon figure", () => {
  test("is set when the device is registered, and shaped for pages and the API", () => {
    const device = commandValue(registerDevice(coordinator, { ...deviceInput({ manufacturer: "Dell", model: "Latitude 5490" }), departmentId }));
    expect(device.carbon).toEqual({ kgCo2eEmbodied: 206.8, source: "model", reference: "Dell Latitude 5490, December 2018" });
    expect(deviceCarbonReferenceUrl(device.id)).toContain("latitude-5490");
    expect(device).not.toHaveProperty("carbonKgCo2e");
  });

  test("follows an edit of make and model", () => {
    const device = commandValue(registerDevice(coordinator, { ...deviceInput({ manufacturer: "Dell", model: "Latitude 5490" }), departmentId }));
    const edited = commandValue(
      editRegistration(coordinator, {
        ...deviceInput({ manufacturer: "Acme", model: "Nothing 1", assetTag: device.assetTag, serial: device.serial }),
        deviceId: device.id,
      }),
    );
    expect(edited.carbon).toMatchObject({ source: "type", reference: "median of 452 laptops" });
    expect(deviceCarbonReferenceUrl(device.id)).toBeNull();
  });

  test("is null for a type without reference data", () => {
    const device = commandValue(registerDevice(coordinator, { ...deviceInput({ type: "other", model: "Beamer" }), media: [], departmentId }));
    expect(device.carbon).toBeNull();
  });

  test("the backfill fills devices written without one, and only those", () => {
    const device = commandValue(
      registerDevice(coordinator, { ...deviceInput({ manufacturer: "Apple", model: "iPhone 13 Pro", type: "phone" }), departmentId }),
    );
    db.update(devices)
      .set({ carbonKgCo2e: null, carbonSource: null, carbonReference: null, carbonReferenceUrl: null, carbonReferenceWeightKg: null })
      .where(eq(devices.id, device.id))
      .run();
    expect(getDevice(device.id)?.carbon).toBeNull();
    expect(backfillCarbonFigures()).toBe(1);
    expect(getDevice(device.id)?.carbon).toMatchObject({ source: "model" });
    expect(backfillCarbonFigures()).toBe(0);
  });
});
