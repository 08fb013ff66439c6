// API helpers: every response checked against the OpenAPI document's response schemas, tokens, and a
// device taken through the lifecycle to `listed`.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { apiResponses, isApiOperation, responsesOf, type ApiOperation } from "~/api/response-schemas";
import { createAccount } from "./accounts";
import { expect, test as base, unique } from "./fixtures";

/** Each documented operation with a pattern of its concrete paths: "{id}" stands for one path segment. */
const documentedOperations = Object.keys(apiResponses)
  .filter(isApiOperation)
  .map((operation) => {
    const [method, template] = operation.split(" ");
    const segments = (template ?? "").split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return { operation, method, pattern: new RegExp(`^${segments.join("[^/]+")}$`) };
  });

/** The documented operation a request is, or null when /api/v1 has no such operation. */
export function operationOf(method: string, path: string): ApiOperation | null {
  return documentedOperations.find((candidate) => candidate.method === method && candidate.pattern.test(path))?.operation ?? null;
}

/**
 * Fails unless the document names this response's status for the operation and its body parses with
 * the documented schema (strict objects: a field the document does not name fails too).
 */
export async function expectDocumentedResponse(method: string, response: APIResponse): Promise<void> {
  const path = new URL(response.url()).pathname;
  if (!path.startsWith("/api/v1/")) return;
  const operation = operationOf(method, path);
  const status = response.status();
  const documented = responsesOf(operation)[status];
  if (!documented) throw new Error(`${method} ${path} answered ${status}, which the OpenAPI document does not name for ${operation ?? "an unknown path"}.`);
  const contentType = response.headers()["content-type"] ?? "";
  expect(contentType, `${method} ${path} ${status}: content type`).toContain(documented.contentType);
  if (method === "HEAD") return;
  if (documented.contentType === "application/pdf") {
    expect((await response.body()).subarray(0, 5).toString("latin1"), `${method} ${path} ${status}: a PDF`).toBe("%PDF-");
    return;
  }
  const parsed = documented.schema.safeParse(await response.json());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(body)"}: ${issue.message}`).join("\n");
    throw new Error(`${method} ${path} ${status}: the body does not match the OpenAPI document:\n${problems}`);
  }
}

const verbs = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE", head: "HEAD" } as const;

function isVerb(property: string | symbol): property is keyof typeof verbs {
  return typeof property === "string" && Object.hasOwn(verbs, property);
}

/** The request context, with every response it gets checked by expectDocumentedResponse. */
export function documentedRequests(request: APIRequestContext): APIRequestContext {
  return new Proxy(request, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      if (isVerb(property)) {
        return async (url: string, options?: object) => {
          const response: APIResponse = await value.call(target, url, options);
          await expectDocumentedResponse(verbs[property], response);
          return response;
        };
      }
      if (property === "fetch") {
        return async (urlOrRequest: string | { method(): string }, options?: { method?: string }) => {
          const response: APIResponse = await value.call(target, urlOrRequest, options);
          const method = options?.method ?? (typeof urlOrRequest === "string" ? "GET" : urlOrRequest.method());
          await expectDocumentedResponse(method.toUpperCase(), response);
          return response;
        };
      }
      return value.bind(target);
    },
  });
}

/** The shared test, with `request` checking every API response against the OpenAPI document. */
export const test = base.extend({
  request: async ({ request }, provide) => {
    await provide(documentedRequests(request));
  },
});

export async function bearer(request: APIRequestContext, email: string): Promise<{ Authorization: string }> {
  const response = await request.post("/api/v1/tokens", { data: { email, password: "circuit-demo" } });
  expect(response.status(), `token for ${email}`).toBe(201);
  return { Authorization: `Bearer ${(await response.json()).token}` };
}

/** A laptop registered, collected, wiped by one technician, validated by the other, certified and listed, all by fresh accounts. */
export async function listedLaptop(request: APIRequestContext, specs: { ramGb: number; storageGb: number } = { ramGb: 8, storageGb: 256 }) {
  const registrar = await createAccount("department");
  const [first, second] = [await createAccount("technician"), await createAccount("technician")];
  const departmentHeaders = await bearer(request, registrar.email);
  const tech1 = await bearer(request, first.email);
  const tech2 = await bearer(request, second.email);
  const created = await request.post("/api/v1/devices", {
    headers: departmentHeaders,
    data: {
      assetTag: unique("LIST").slice(0, 40),
      serial: unique("SN"),
      manufacturer: "Lenovo",
      model: "ThinkPad L13",
      type: "laptop",
      ...specs,
      keyboardLayout: "AZERTY-BE",
      media: [{ serial: unique("SSD"), kind: "SSD", capacityGb: specs.storageGb }],
    },
  });
  expect(created.status()).toBe(201);
  const device = await created.json();
  const step = async (headers: { Authorization: string }, data: Record<string, unknown>) => {
    const response = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers, data });
    expect(response.status(), `${String(data.action)} of ${device.assetTag}`).toBe(200);
  };
  await step(tech1, { action: "collect" });
  const wipe = await request.post(`/api/v1/devices/${device.id}/media/${device.media[0].id}/wipes`, {
    headers: tech1,
    data: { method: "purge", technique: "crypto-erase", tool: "hdparm", toolVersion: "9.65", verification: "full", result: "pass" },
  });
  expect(wipe.status()).toBe(201);
  expect((await request.post(`/api/v1/wipes/${(await wipe.json()).id}/validate`, { headers: tech2 })).status()).toBe(200);
  await step(tech1, { action: "certify" });
  await step(tech1, { action: "list", grade: "B" });
  return device as { id: number; publicId: string; assetTag: string };
}

export function inTwoMonths(): string {
  return new Date(Date.now() + 60 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
