// The edit page answers as the edit-registration command would: 409, without the form, once a device is past registration.
import { beforeAll, expect, test } from "vitest";
import type { UserActor } from "~/domain/lifecycle";
import { createActor, createOrganization, deviceInState } from "~/test/factories";
import { signedInRequest, thrownStatus } from "~/test/requests";
import { loader } from "./devices.$id_.edit";

let departmentId: number;
let staff: UserActor;

beforeAll(() => {
  departmentId = createOrganization("department");
  staff = createActor("department", departmentId);
});

async function openEditPage(person: UserActor, deviceId: number): Promise<{ status: number; deviceId: number | null }> {
  const request = await signedInRequest(person, `http://circuit.test/devices/${deviceId}/edit`);
  try {
    const answer = await loader({ request, params: { id: String(deviceId) }, context: { cspNonce: "" } });
    if ("device" in answer) return { status: 200, deviceId: answer.device.id };
    return { status: answer.init?.status ?? 200, deviceId: answer.data.device.id };
  } catch (thrown) {
    const status = thrownStatus(thrown);
    if (status === null) throw thrown;
    return { status, deviceId: null };
  }
}

test("a registered device opens the form", async () => {
  const device = deviceInState("registered", { departmentId });
  expect(await openEditPage(staff, device.id)).toEqual({ status: 200, deviceId: device.id });
});

test("a device past registration is answered 409, as the command would refuse the change", async () => {
  for (const status of ["collected", "wiped", "listed"] as const) {
    const device = deviceInState(status, { departmentId });
    expect(await openEditPage(staff, device.id), status).toEqual({ status: 409, deviceId: device.id });
  }
});

test("another department's staff are still refused first (403)", async () => {
  const device = deviceInState("collected", { departmentId });
  const other = createActor("department", createOrganization("department"));
  expect((await openEditPage(other, device.id)).status).toBe(403);
});
