import { beforeAll, describe, expect, test } from "vitest";
import { createApiToken } from "~/commands/tokens/create-api-token.server";
import type { UserActor } from "~/domain/lifecycle";
import { commandValue, createActor, createOrganization, deviceInState } from "~/test/factories";
import { signedInRequest, thrownStatus } from "~/test/requests";
import { requireApiRegistryScope, requireApiScopedDevice, requireDevicesInScope, requireRegistryScope, requireScopedDevice } from "./scoped-device.server";

const missingId = "999999";
let westDevice: number;
let eastDevice: number;
let westId: number;
let people: Record<"coordinator" | "technician" | "west" | "recipient" | "employee", UserActor>;

beforeAll(() => {
  westId = createOrganization("department");
  const eastId = createOrganization("department");
  people = {
    coordinator: createActor("coordinator"),
    technician: createActor("technician"),
    west: createActor("department", westId),
    recipient: createActor("recipient"),
    employee: createActor("employee", westId),
  };
  westDevice = deviceInState("registered", { departmentId: westId }).id;
  eastDevice = deviceInState("registered", { departmentId: eastId }).id;
});

function apiRequest(person?: UserActor): Request {
  const headers = new Headers();
  if (person) headers.set("Authorization", `Bearer ${commandValue(createApiToken(person, { label: "scope test" })).token}`);
  return new Request("http://circuit.test/api/v1/devices", { headers });
}

function pageRequest(person: UserActor): Promise<Request> {
  return signedInRequest(person, "http://circuit.test/devices");
}

/** The status a helper answered with: a thrown Response (API, redirects) or a thrown `data(…, {status})` (pages). */
async function statusOf(run: () => unknown): Promise<number | "answered"> {
  try {
    await run();
    return "answered";
  } catch (thrown) {
    const status = thrownStatus(thrown);
    if (status === null) throw thrown;
    return status;
  }
}

async function apiCodeOf(run: () => unknown): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    const body: { error: { code: string } } = await thrown.json();
    return body.error.code;
  }
}

describe("one device, in the API and on pages", () => {
  test("an unknown id is 404, another department's device 403, one in scope is answered", async () => {
    expect(await statusOf(() => requireApiScopedDevice(apiRequest(people.west), missingId))).toBe(404);
    expect(await statusOf(() => requireApiScopedDevice(apiRequest(people.west), String(eastDevice)))).toBe(403);
    expect(await apiCodeOf(() => requireApiScopedDevice(apiRequest(people.west), String(eastDevice)))).toBe("forbidden");
    expect(requireApiScopedDevice(apiRequest(people.west), String(westDevice)).device.id).toBe(westDevice);
    expect(requireApiScopedDevice(apiRequest(people.technician), String(eastDevice)).scope).toEqual({ kind: "all" });

    const west = await pageRequest(people.west);
    expect(await statusOf(() => requireScopedDevice(west, missingId))).toBe(404);
    expect(await statusOf(() => requireScopedDevice(west, String(eastDevice)))).toBe(403);
    expect((await requireScopedDevice(west, String(westDevice))).device.id).toBe(westDevice);
  });

  test("recipients and employees have no registry: 403 even for an unknown id; no one signed in is 401 or sent to sign in", async () => {
    for (const person of [people.recipient, people.employee]) {
      expect(await statusOf(() => requireApiScopedDevice(apiRequest(person), missingId))).toBe(403);
      expect(await statusOf(async () => requireScopedDevice(await pageRequest(person), String(westDevice)))).toBe(403);
    }
    expect(await statusOf(() => requireApiScopedDevice(apiRequest(), String(westDevice)))).toBe(401);
    expect(await statusOf(() => requireScopedDevice(new Request("http://circuit.test/devices/1"), String(westDevice)))).toBe(302);
  });

  test("a page for one action asks the permission first: a department's own device is not theirs to wipe", async () => {
    expect(await statusOf(async () => requireScopedDevice(await pageRequest(people.west), String(westDevice), "wipe.record"))).toBe(403);
    expect(await statusOf(async () => requireScopedDevice(await pageRequest(people.technician), missingId, "wipe.record"))).toBe(404);
    expect((await requireScopedDevice(await pageRequest(people.technician), String(westDevice), "wipe.record")).device.id).toBe(westDevice);
  });
});

describe("the registry, for lists", () => {
  test("the scope follows the domain: all for staff of the IT service, one department's, 403 for the rest", async () => {
    expect(requireApiRegistryScope(apiRequest(people.coordinator)).scope).toEqual({ kind: "all" });
    expect(requireApiRegistryScope(apiRequest(people.west)).scope).toEqual({ kind: "department", departmentId: westId });
    expect(await statusOf(() => requireApiRegistryScope(apiRequest(people.recipient)))).toBe(403);
    expect((await requireRegistryScope(await pageRequest(people.technician))).scope).toEqual({ kind: "all" });
    expect((await requireRegistryScope(await pageRequest(people.west))).scope).toEqual({ kind: "department", departmentId: westId });
    expect(await statusOf(async () => requireRegistryScope(await pageRequest(people.employee)))).toBe(403);
  });

  test("several devices answer like one: every one in scope, else the first id's 404 or 403", async () => {
    const west = { kind: "department", departmentId: westId } as const;
    expect(requireDevicesInScope(west, [westDevice, westDevice]).map((device) => device.id)).toEqual([westDevice, westDevice]);
    expect(await statusOf(() => requireDevicesInScope(west, [westDevice, eastDevice]))).toBe(403);
    expect(await statusOf(() => requireDevicesInScope(west, [westDevice, Number(missingId), eastDevice]))).toBe(404);
    expect(requireDevicesInScope({ kind: "all" }, [eastDevice, westDevice]).map((device) => device.id)).toEqual([eastDevice, westDevice]);
  });
});
