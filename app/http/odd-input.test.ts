// Odd input is a 4xx with a message, never a 500: a form in another type or broken, a page number
// SQLite cannot take, NUL in a search, a lone surrogate in a text field.
import { beforeAll, describe, expect, test } from "vitest";
import { createApiToken } from "~/commands/tokens/create-api-token.server";
import type { UserActor } from "~/domain/lifecycle";
import { deviceListQuerySchema, MAX_LIST_PAGE } from "~/forms/device";
import { emailField, hasNoLoneSurrogate, newPasswordField, optionalText, requiredText } from "~/forms/fields";
import { listDevices } from "~/models/device.server";
import { action as homeAction } from "~/routes/_index";
import { loader as apiDevicesLoader } from "~/routes/api.v1.devices";
import { action as devicePageAction } from "~/routes/devices.$id";
import { loader as devicesPageLoader } from "~/routes/devices._index";
import { action as loginAction } from "~/routes/login";
import { action as matchingAction } from "~/routes/matching";
import { action as newRequestAction } from "~/routes/requests.new";
import { action as setLanguageAction } from "~/routes/set-language";
import { commandValue, createActor, createOrganization, deviceInState } from "~/test/factories";
import { signedInRequest, thrownStatus } from "~/test/requests";

type Action = (args: { request: Request; params: Record<string, string>; context: { cspNonce: string } }) => Promise<unknown>;

/** The status an action answers (returned or thrown), and what it threw when that is no answer at all. */
async function statusOf(action: Action, request: Request, params: Record<string, string> = {}): Promise<number> {
  try {
    const answer = await action({ request, params, context: { cspNonce: "" } });
    if (answer instanceof Response) return answer.status;
    return thrownStatus(answer) ?? 200;
  } catch (thrown) {
    const status = thrownStatus(thrown);
    if (status === null) throw thrown;
    return status;
  }
}

let technician: UserActor;
let recipient: UserActor;
let coordinator: UserActor;

beforeAll(() => {
  technician = createActor("technician", createOrganization("it_service"));
  recipient = createActor("recipient", createOrganization("school"));
  coordinator = createActor("coordinator", createOrganization("it_service"));
});

/** A POST to `path` with this body and Content-Type (none at all when null), from a browser signed in as `person` if given. */
async function post(path: string, body: BodyInit | null, contentType: string | null, person?: UserActor): Promise<Request> {
  const url = `http://circuit.test${path}`;
  const headers = new Headers(person ? (await signedInRequest(person, url)).headers : undefined);
  const request = new Request(url, { method: "POST", body, headers });
  // A string body gets text/plain by default; a test of "no Content-Type" must not have one.
  if (contentType === null) request.headers.delete("Content-Type");
  else request.headers.set("Content-Type", contentType);
  return request;
}

describe("a form in another type than a form is 415, on every page the issue names", () => {
  const otherTypes = ["text/plain", "application/json", null];

  test.each(otherTypes)("the sign-in and language forms (public): %s", async (contentType) => {
    expect(await statusOf(loginAction, await post("/login", '{"email":"a@b.be"}', contentType))).toBe(415);
    expect(await statusOf(setLanguageAction, await post("/set-language", "lng=en", contentType))).toBe(415);
  });

  test.each(otherTypes)("the home, new request and matching pages (signed in): %s", async (contentType) => {
    expect(await statusOf(homeAction, await post("/?index", "intent=sign", contentType, recipient))).toBe(415);
    expect(await statusOf(newRequestAction, await post("/requests/new", "type=laptop", contentType, recipient))).toBe(415);
    expect(await statusOf(matchingAction, await post("/matching", "deviceId=1&requestId=1", contentType, coordinator))).toBe(415);
  });

  test("without a body at all, too", async () => {
    expect(await statusOf(loginAction, await post("/login", null, null))).toBe(415);
  });

  test("the forms themselves still work", async () => {
    const reply = await statusOf(loginAction, await post("/login", "email=nobody%40demo.city&password=wrong", "application/x-www-form-urlencoded"));
    expect(reply).toBe(400);
  });
});

test("broken multipart on the device page is 400", async () => {
  const device = deviceInState("collected");
  const status = await statusOf(devicePageAction, await post(`/devices/${device.id}`, "--x\r\n\r\n\r\n--x--", "multipart/form-data; boundary=x", technician), {
    id: String(device.id),
  });
  expect(status).toBe(400);
});

test("a sign-in form over 1 MB is 413, chunked or not", async () => {
  const big = `email=a%40b.be&password=${"x".repeat(2 * 1024 * 1024)}`;
  expect(await statusOf(loginAction, await post("/login", big, "application/x-www-form-urlencoded"))).toBe(413);
  const chunks = new TextEncoder().encode(big);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < chunks.byteLength; offset += 64 * 1024) controller.enqueue(chunks.subarray(offset, offset + 64 * 1024));
      controller.close();
    },
  });
  const chunked = new Request("http://circuit.test/login", {
    method: "POST",
    body: stream,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    duplex: "half",
  });
  expect(chunked.headers.get("Content-Length")).toBeNull();
  expect(await statusOf(loginAction, chunked)).toBe(413);
});

describe("list pages and the search", () => {
  const scope = { kind: "all" } as const;

  test.each(["\u0000\u0000\u0000", "ab\u0000", "\u0000", "x\u0001\u001f\u007fy", '"\u0000*', "NEAR(a b)", '"', "^-:*"])("the search takes %j", (q) => {
    expect(() => listDevices({ q, page: 1, pageSize: 10 }, scope)).not.toThrow();
  });

  test("NUL reads as a space: the rest of the term still finds the device", () => {
    const model = `Latitude ${Date.now()}`;
    const device = deviceInState("registered", { input: { model } });
    for (const q of [model.replace(" ", "\u0000"), `\u0000${model}\u0000`]) {
      expect(
        listDevices({ q, page: 1, pageSize: 200 }, scope).items.map((item) => item.id),
        JSON.stringify(q),
      ).toEqual([device.id]);
    }
  });

  test.each(["1e300", "-1", "0", "NaN", "Infinity", "1.5", "99999999999999999999", String(MAX_LIST_PAGE + 1)])("page=%s is refused by the schema", (page) => {
    expect(deviceListQuerySchema.safeParse({ page }).success).toBe(false);
  });

  test("the largest page the schema takes is one SQLite answers (empty)", () => {
    const query = deviceListQuerySchema.parse({ page: String(MAX_LIST_PAGE), pageSize: "200" });
    expect(listDevices(query, scope).items).toEqual([]);
  });

  test("a department id past what SQLite holds is refused", () => {
    expect(deviceListQuerySchema.safeParse({ departmentId: "1e300" }).success).toBe(false);
  });

  test("the devices page falls back to the first page; the API answers 422", async () => {
    const page = await devicesPageLoader({
      request: await signedInRequest(coordinator, "http://circuit.test/devices?page=1e300&q=%00%00%00"),
      params: {},
      context: { cspNonce: "" },
    });
    expect(page.page).toBe(1);
    const token = commandValue(createApiToken(coordinator, { label: "odd input" })).token;
    const answer = await apiDevicesLoader({
      request: new Request("http://circuit.test/api/v1/devices?page=1e300", { headers: { Authorization: `Bearer ${token}` } }),
      params: {},
      context: { cspNonce: "" },
    });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toMatchObject({ error: { code: "validation_failed", fields: { page: [expect.any(String)] } } });
    const search = await apiDevicesLoader({
      request: new Request("http://circuit.test/api/v1/devices?q=%00%00%00", { headers: { Authorization: `Bearer ${token}` } }),
      params: {},
      context: { cspNonce: "" },
    });
    expect(search.status).toBe(200);
  });
});

describe("a lone surrogate in a text field is a field error", () => {
  test("hasNoLoneSurrogate tells a broken code from a real character (emoji are surrogate pairs)", () => {
    expect(hasNoLoneSurrogate("Latitude 😀 漢字 ş")).toBe(true);
    for (const broken of ["\ud800", "a\udfffb", "\ud83d", "😀".slice(1)]) expect(hasNoLoneSurrogate(broken), JSON.stringify(broken)).toBe(false);
  });

  test("required and optional text and new passwords refuse it with errors.brokenCharacter", () => {
    for (const schema of [requiredText(), optionalText(), newPasswordField()]) {
      const parsed = schema.safeParse("abcdefghijkl\ud800mnop");
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.message)).toContain("errors.brokenCharacter");
    }
    expect(requiredText().safeParse("Dell 😀").success).toBe(true);
    expect(emailField().safeParse("a\ud800@b.be").success).toBe(false);
  });
});
