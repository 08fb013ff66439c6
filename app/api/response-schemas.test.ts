// The reading routes of /api/v1, called as Remix calls them, for devices in every state: each answer
// must have a documented status and parse with the documented (strict) schema. The e2e API tests do
// the same for every call they make over HTTP.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, test } from "vitest";
import { approveRequest } from "~/commands/requests/approve-request.server";
import { createApiToken } from "~/commands/tokens/create-api-token.server";
import { fileRequest } from "~/commands/requests/file-request.server";
import { deviceStatuses, type UserActor } from "~/domain/lifecycle";
import { loader as certificate } from "~/routes/api.v1.devices.$id.certificate";
import { loader as custody } from "~/routes/api.v1.devices.$id.custody";
import { loader as device } from "~/routes/api.v1.devices.$id";
import { loader as devices } from "~/routes/api.v1.devices";
import { action as matchingRun } from "~/routes/api.v1.matching.run";
import { loader as me } from "~/routes/api.v1.me";
import { loader as openApi } from "~/routes/api.v1.openapi[.json]";
import { loader as requests } from "~/routes/api.v1.requests";
import { loader as verify } from "~/routes/api.v1.verify.$publicId";
import { commandValue, createActor, createOrganization, deviceInState, lifecycleCast, type DeviceInState } from "~/test/factories";
import { responsesOf, type ApiOperation } from "./response-schemas";

type Handler = (args: LoaderFunctionArgs) => Promise<Response>;

/** Calls a route's loader or action for `operation` and parses its answer with the documented schema. */
async function documentedAnswer(operation: ApiOperation, handler: Handler, params: Record<string, string> = {}, token?: string) {
  const [method, template = ""] = operation.split(" ");
  const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => params[name] ?? "");
  const request = new Request(`http://localhost${path}`, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  let response: Response;
  try {
    response = await handler({ request, params, context: { cspNonce: "" } });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  const documented = responsesOf(operation)[response.status];
  if (!documented) throw new Error(`${operation} answered ${response.status}, which the document does not name`);
  if (documented.contentType !== "application/json") throw new Error(`${operation} ${response.status} is not JSON`);
  const parsed = documented.schema.safeParse(await response.json());
  expect(parsed.error?.issues ?? [], `${operation} ${response.status}`).toEqual([]);
  return { status: response.status, body: parsed.data };
}

const tokenOf = (actor: UserActor) => commandValue(createApiToken(actor, { label: "response schemas" })).token;

let coordinator: string;
let technician: string;
const byStatus = new Map<string, DeviceInState>();

beforeAll(() => {
  const cast = lifecycleCast();
  coordinator = tokenOf(cast.coordinator);
  technician = tokenOf(cast.technician);
  for (const status of deviceStatuses) byStatus.set(status, deviceInState(status));
  byStatus.set("deployed to an employee", deviceInState("deployed", { requester: createActor("employee", createOrganization("department")) }));
  // An open request the listed device fits, so that a matching run proposes something.
  const listed = byStatus.get("listed");
  const school = createActor("recipient");
  const neededBy = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const request = { type: listed?.type ?? "laptop", quantity: 2, minRamGb: 0, minStorageGb: 0, minScreenInches: null, keyboardLayout: "any" };
  const filed = commandValue(fileRequest(school, { ...request, purpose: "Homework club", beneficiaries: 12, neededBy }));
  commandValue(approveRequest(cast.coordinator, { requestId: filed.id, priority: 40 }));
});

describe("every reading route's answer parses with its documented schema", () => {
  test.each([...deviceStatuses, "deployed to an employee"])("a %s device: itself, its custody, its certificate and its public page", async (status) => {
    const subject = byStatus.get(status);
    if (!subject) throw new Error(`no ${status} device`);
    const params = { id: String(subject.id) };
    expect((await documentedAnswer("GET /api/v1/devices/{id}", device, params, technician)).status).toBe(200);
    expect((await documentedAnswer("GET /api/v1/devices/{id}/custody", custody, params, technician)).status).toBe(200);
    const hasCertificate = ["wiped", "listed", "reserved"].includes(status) || status.startsWith("deployed");
    expect((await documentedAnswer("GET /api/v1/devices/{id}/certificate", certificate, params, technician)).status).toBe(hasCertificate ? 200 : 404);
    expect((await documentedAnswer("GET /api/v1/verify/{publicId}", verify, { publicId: subject.publicId })).status).toBe(200);
  });

  test("lists, the account, a matching run and the document itself", async () => {
    expect((await documentedAnswer("GET /api/v1/devices", devices, {}, coordinator)).status).toBe(200);
    expect((await documentedAnswer("GET /api/v1/requests", requests, {}, coordinator)).status).toBe(200);
    expect((await documentedAnswer("GET /api/v1/me", me, {}, technician)).status).toBe(200);
    const run = await documentedAnswer("POST /api/v1/matching/run", matchingRun, {}, coordinator);
    expect(run.body).toMatchObject({ proposals: [{ deviceId: byStatus.get("listed")?.id }], unserved: [{ unservedSlots: 1 }] });
    expect((await documentedAnswer("GET /api/v1/openapi.json", openApi)).status).toBe(200);
  });

  test("refusals are the error body", async () => {
    expect((await documentedAnswer("GET /api/v1/me", me)).status).toBe(401);
    expect((await documentedAnswer("GET /api/v1/devices/{id}", device, { id: "999999" }, technician)).status).toBe(404);
    expect((await documentedAnswer("GET /api/v1/verify/{publicId}", verify, { publicId: "no-such-label" })).status).toBe(404);
    expect((await documentedAnswer("POST /api/v1/matching/run", matchingRun, {}, technician)).status).toBe(403);
  });
});
