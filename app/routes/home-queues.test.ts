// The home page's queue actions: collecting and confirming a proposal in one click answer as their
// commands do, and the loader gives each staff role its queues.
import { expect, test } from "vitest";
import type { UserActor } from "~/domain/lifecycle";
import { getDevice } from "~/models/device.server";
import { approvedRequest, createActor, createOrganization, deviceInState, lifecycleCast } from "~/test/factories";
import { signedInRequest } from "~/test/requests";
import { action, loader } from "./_index";

const routeContext = { context: { cspNonce: "" }, params: {} };

async function post(person: UserActor, fields: Record<string, string>): Promise<Response | { status: number }> {
  const signedIn = await signedInRequest(person, "http://circuit.test/?index");
  const request = new Request(signedIn.url, {
    method: "POST",
    headers: { Cookie: signedIn.headers.get("Cookie") ?? "", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  const answer = await action({ request, ...routeContext });
  if (answer instanceof Response) return answer;
  return { status: "init" in answer ? (answer.init?.status ?? 200) : 200 };
}

test("a technician collects from the queue: a redirect home, the device collected", async () => {
  const device = deviceInState("registered");
  const answer = await post(createActor("technician", lifecycleCast().itServiceId), { intent: "collect", deviceId: String(device.id) });
  expect(answer.status).toBe(302);
  expect(getDevice(device.id)?.status).toBe("collected");
});

test("collecting from the home page as department staff is refused as the command refuses it (403), nothing changes", async () => {
  const departmentId = createOrganization("department");
  const device = deviceInState("registered", { departmentId });
  const answer = await post(createActor("department", departmentId), { intent: "collect", deviceId: String(device.id) });
  expect(answer.status).toBe(403);
  expect(getDevice(device.id)?.status).toBe("registered");
});

test("the coordinator confirms a proposal from the queue: the device is reserved", async () => {
  const device = deviceInState("listed");
  const request = approvedRequest(createActor("recipient"), { quantity: 1, minRamGb: 0, minStorageGb: 0 });
  const answer = await post(lifecycleCast().coordinator, { intent: "confirm-match", deviceId: String(device.id), requestId: String(request.id) });
  expect(answer.status).toBe(302);
  expect(getDevice(device.id)?.status).toBe("reserved");
});

test("each staff role gets its own queues, and nobody else's", async () => {
  const roles = {
    technician: createActor("technician", lifecycleCast().itServiceId),
    coordinator: lifecycleCast().coordinator,
    department: createActor("department"),
  };
  for (const [role, person] of Object.entries(roles)) {
    const home = await loader({ request: await signedInRequest(person, "http://circuit.test/"), ...routeContext });
    if (home.view !== "member") throw new Error(`expected a member home for ${role}`);
    expect({ technician: home.queues.technician !== null, coordinator: home.queues.coordinator !== null, department: home.queues.department !== null }).toEqual(
      {
        technician: role === "technician",
        coordinator: role === "coordinator",
        department: role === "department",
      },
    );
  }
});
