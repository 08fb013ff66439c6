import { beforeAll, describe, expect, test } from "vitest";
import { commandValue, createOrganization, deviceInput, lifecycleCast } from "~/test/factories";
import { registerDevice } from "~/commands/devices/register-device.server";
import type { DeviceDetail } from "./device.server";
import { findDevicesForScan } from "./device-lookup.server";

let departmentId: number;
let device: DeviceDetail;
let mixedCase: DeviceDetail;
const all = { kind: "all" } as const;

beforeAll(() => {
  departmentId = createOrganization("department");
  const { coordinator } = lifecycleCast();
  device = commandValue(registerDevice(coordinator, { ...deviceInput(), departmentId }));
  mixedCase = commandValue(
    registerDevice(coordinator, { ...deviceInput({ assetTag: `Lab-Kit-${departmentId}`, serial: `sN-Mixed-${departmentId}` }), departmentId }),
  );
});

const ids = (query: string, scope: Parameters<typeof findDevicesForScan>[1] = all) => findDevicesForScan(query, scope).map((match) => match.id);

describe("findDevicesForScan", () => {
  test("finds a device by asset tag, by serial and by a drive's serial", () => {
    expect(ids(device.assetTag)).toEqual([device.id]);
    expect(ids(device.serial)).toEqual([device.id]);
    expect(ids(device.media[0]!.serial)).toEqual([device.id]);
  });

  test("whatever the case, and with spaces or a scanner's line break around it", () => {
    expect(ids(`  ${device.assetTag.toLowerCase()}\n`)).toEqual([device.id]);
    expect(ids(mixedCase.assetTag.toUpperCase())).toEqual([mixedCase.id]);
    expect(ids(mixedCase.serial.toLowerCase())).toEqual([mixedCase.id]);
  });

  test("finds a device by its label's URL, absolute or relative", () => {
    expect(ids(`https://circuit.example/verify/${device.publicId}`)).toEqual([device.id]);
    expect(ids(`http://localhost:3100/verify/${device.publicId}?from=label`)).toEqual([device.id]);
    expect(ids(`/verify/${device.publicId}`)).toEqual([device.id]);
  });

  test("an unknown code, an unknown public id and an empty query find nothing", () => {
    expect(ids("NO-SUCH-TAG")).toEqual([]);
    expect(ids("/verify/not-a-real-id")).toEqual([]);
    expect(ids("   ")).toEqual([]);
  });

  test("a department finds its own devices only", () => {
    expect(ids(device.assetTag, { kind: "department", departmentId })).toEqual([device.id]);
    expect(ids(device.assetTag, { kind: "department", departmentId: createOrganization("department") })).toEqual([]);
  });
});
