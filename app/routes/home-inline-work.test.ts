// The home page's inline work: listing from the queue answers as listDevice does, the loader gives the
// validator the evidence and the coordinator the rubric's priority, the department the registration card;
// the registration page takes an empty asset tag and assigns one.
import { expect, test } from "vitest";
import type { UserActor } from "~/domain/lifecycle";
import { getDevice } from "~/models/device.server";
import { createActor, createOrganization, deviceInState, lifecycleCast } from "~/test/factories";
import { signedInRequest } from "~/test/requests";
import { action, loader } from "./_index";
import { action as registerAction } from "./devices.new";

const routeContext = { context: { cspNonce: "" }, params: {} };

async function post(person: UserActor, url: string, fields: Record<string, string>) {
  const signedIn = await signedInRequest(person, url);
  return new Request(signedIn.url, {
    method: "POST",
    headers: { Cookie: signedIn.headers.get("Cookie") ?? "", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

async function status(answer: unknown): Promise<number> {
  if (answer instanceof Response) return answer.status;
  if (answer && typeof answer === "object" && "init" in answer) {
    const init = (answer as { init?: { status?: number } | null }).init;
    return init?.status ?? 200;
  }
  return 200;
}

test("a technician grades and lists a certified device from the queue: a redirect home, the device listed with that grade", async () => {
  const device = deviceInState("wiped");
  const technician = createActor("technician", lifecycleCast().itServiceId);
  const answer = await action({
    request: await post(technician, "http://circuit.test/?index", { intent: "list", deviceId: String(device.id), grade: "B" }),
    ...routeContext,
  });
  expect(await status(answer)).toBe(302);
  expect(getDevice(device.id)).toMatchObject({ status: "listed", conditionGrade: "B" });
});

test("listing from the queue without a grade is refused (400) and changes nothing; department staff are refused as the command refuses them", async () => {
  const device = deviceInState("wiped");
  const technician = createActor("technician", lifecycleCast().itServiceId);
  const noGrade = await action({
    request: await post(technician, "http://circuit.test/?index", { intent: "list", deviceId: String(device.id) }),
    ...routeContext,
  });
  expect(await status(noGrade)).toBe(400);
  const departmentId = createOrganization("department");
  const staff = createActor("department", departmentId);
  const own = deviceInState("wiped", { departmentId });
  const refused = await action({
    request: await post(staff, "http://circuit.test/?index", { intent: "list", deviceId: String(own.id), grade: "A" }),
    ...routeContext,
  });
  expect(await status(refused)).toBe(403);
  expect(getDevice(device.id)?.status).toBe("wiped");
  expect(getDevice(own.id)?.status).toBe("wiped");
});

test("the department's home offers the registration card; the technician's carries the specs of the devices to list", async () => {
  const departmentHome = await loader({ request: await signedInRequest(createActor("department"), "http://circuit.test/"), ...routeContext });
  if (departmentHome.view !== "member") throw new Error("expected a member home");
  expect(departmentHome.canRegister).toBe(true);
  const wiped = deviceInState("wiped");
  const technicianHome = await loader({
    request: await signedInRequest(createActor("technician", lifecycleCast().itServiceId), "http://circuit.test/"),
    ...routeContext,
  });
  if (technicianHome.view !== "member") throw new Error("expected a member home");
  expect(technicianHome.canRegister).toBe(false);
  const listed = technicianHome.queues.technician?.toGradeAndList.items.map((item) => item.id) ?? [];
  const specs = technicianHome.inline.technician?.specs.map((item) => item.deviceId) ?? [];
  expect(specs).toEqual(listed);
  if (listed.includes(wiped.id)) expect(specs).toContain(wiped.id);
});

test("registering with the asset tag left empty assigns CIR- and six digits", async () => {
  const departmentId = createOrganization("department");
  const staff = createActor("department", departmentId);
  const request = await post(staff, "http://circuit.test/devices/new", {
    serial: `SN-${Date.now()}`,
    manufacturer: "Lenovo",
    model: "T14",
    type: "laptop",
    assetTag: "",
  });
  const answer = await registerAction({ request, ...routeContext });
  expect(await status(answer)).toBe(302);
  const location = answer instanceof Response ? (answer.headers.get("Location") ?? "") : "";
  const deviceId = Number(/\/devices\/(\d+)/.exec(location)?.[1]);
  expect(getDevice(deviceId)?.assetTag).toMatch(/^CIR-\d{6}$/);
});
