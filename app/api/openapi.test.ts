import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { z } from "zod";
import { deviceTypes } from "~/domain/devices";
import { deviceStatuses } from "~/domain/lifecycle";
import { openApiDocument } from "./openapi";
import { apiErrorSchema, apiResponses } from "./response-schemas";

const routesFolder = path.resolve("app/routes");

/** `api.v1.devices.$id.custody.ts` → `/api/v1/devices/{id}/custody`; `[.json]` escapes a dot. */
function pathOfRouteFile(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.([^\]]*)\]/g, (_match, rest: string) => `~dot~${rest}`)
    .split(".")
    .map((segment) => segment.replaceAll("~dot~", "."))
    .map((segment) => (segment.startsWith("$") ? `{${segment.slice(1)}}` : segment));
  return `/${segments.join("/")}`;
}

const apiRouteFiles = readdirSync(routesFolder).filter((file) => file.startsWith("api.v1.") && file !== "api.v1.$.ts" && !file.includes(".test."));

/** The parts of OpenAPI 3.1 this document uses, as the specification requires them. */
const reference = z.object({ $ref: z.string().startsWith("#/components/") }).strict();
const schemaOrReference = z.union([reference, z.record(z.unknown())]);
const mediaTypes = z.record(z.object({ schema: schemaOrReference }).passthrough());
const parameter = z
  .object({ name: z.string().min(1), in: z.enum(["query", "header", "path", "cookie"]), required: z.boolean().optional(), schema: schemaOrReference })
  .passthrough()
  .refine((candidate) => candidate.in !== "path" || candidate.required === true, "path parameters are required");
const response = z.object({ description: z.string().min(1), content: mediaTypes.optional() }).strict();
const operation = z
  .object({
    summary: z.string().min(1),
    description: z.string().optional(),
    security: z.array(z.record(z.array(z.string()))).optional(),
    parameters: z.array(parameter).optional(),
    requestBody: z.object({ required: z.boolean().optional(), content: mediaTypes }).strict().optional(),
    responses: z.record(z.string().regex(/^[1-5]\d\d$/), response).refine((responses) => Object.keys(responses).length > 0, "an operation has responses"),
  })
  .strict();
const openApi31 = z
  .object({
    openapi: z.literal("3.1.0"),
    info: z.object({ title: z.string().min(1), version: z.string().min(1), description: z.string().optional() }).strict(),
    servers: z.array(z.object({ url: z.string() }).passthrough()).optional(),
    paths: z.record(z.string().startsWith("/"), z.record(z.enum(["get", "put", "post", "delete", "options", "head", "patch", "trace"]), operation)),
    components: z
      .object({
        schemas: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/), z.record(z.unknown())),
        securitySchemes: z.record(z.object({ type: z.enum(["apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"]) }).passthrough()),
        parameters: z.record(z.unknown()).optional(),
      })
      .strict(),
    webhooks: z.record(z.unknown()).optional(),
  })
  .strict();

const document = openApi31.parse(openApiDocument);
const documentedPaths = document.paths;
const operations = Object.entries(documentedPaths).flatMap(([documentedPath, item]) =>
  Object.entries(item).map(([method, details]) => ({ path: documentedPath, method, details })),
);

test("every API route is in the OpenAPI document, and every documented path has a route", () => {
  const routePaths = apiRouteFiles.map(pathOfRouteFile).sort();
  expect(routePaths).toEqual(Object.keys(documentedPaths).sort());
});

test("each route answers the methods the document names", () => {
  for (const file of apiRouteFiles) {
    const source = readFileSync(path.join(routesFolder, file), "utf8");
    const methods = Object.keys(documentedPaths[pathOfRouteFile(file)] ?? {});
    const hasLoader = /export (async function|const) loader\b/.test(source);
    const hasAction = /export (async function|const) action\b/.test(source);
    if (methods.includes("get")) expect(hasLoader, `${file} documents GET`).toBe(true);
    const writes = methods.filter((method) => ["post", "put", "patch", "delete"].includes(method));
    if (writes.length > 0) expect(hasAction, `${file} documents ${writes.join(", ")}`).toBe(true);
    expect(methods.length, `${file} documents no operation`).toBeGreaterThan(0);
  }
});

test("the document is generated from the response table: the same operations, the same statuses", () => {
  const fromTable = Object.entries(apiResponses).map(([key, responses]) => `${key} ${Object.keys(responses).sort().join(",")}`);
  const fromDocument = operations.map(({ path, method, details }) => `${method.toUpperCase()} ${path} ${Object.keys(details.responses).sort().join(",")}`);
  expect(fromDocument.sort()).toEqual(fromTable.sort());
});

test("every $ref in the document points at a defined schema, and every named schema is used", () => {
  const text = JSON.stringify(document);
  const references = new Set([...text.matchAll(/"\$ref":"#\/components\/schemas\/([\w.-]+)"/g)].map((match) => match[1]));
  const schemas = Object.keys(document.components.schemas);
  for (const referenced of references) expect(schemas).toContain(referenced);
  for (const schema of schemas) expect(references, `${schema} is never referred to`).toContain(schema);
  expect(text).not.toMatch(/"\$ref":"(?!#\/components\/schemas\/)/);
});

test("every error response (4xx, 5xx) is the error body; every success names its content", () => {
  const errorReference = { $ref: "#/components/schemas/Error" };
  for (const { path, method, details } of operations) {
    for (const [status, answer] of Object.entries(details.responses)) {
      const where = `${method.toUpperCase()} ${path} ${status}`;
      if (Number(status) >= 400) expect(answer.content, where).toEqual({ "application/json": { schema: errorReference } });
      else expect(Object.keys(answer.content ?? {}), where).toHaveLength(1);
    }
  }
  expect(apiErrorSchema.safeParse({ error: { code: "not_found", message: "There is no such device." } }).success).toBe(true);
});

test("path parameters are the ones the path names; operations without a token say so", () => {
  for (const { path, method, details } of operations) {
    const named = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const declared = (details.parameters ?? []).filter((candidate) => candidate.in === "path").map((candidate) => candidate.name);
    expect(declared.sort(), `${method.toUpperCase()} ${path}`).toEqual(named);
    const needsToken = Boolean(details.security?.length);
    expect(needsToken, `${method.toUpperCase()} ${path}`).toBe(details.responses["401"] !== undefined && path !== "/api/v1/tokens");
    for (const requirement of details.security ?? [])
      for (const scheme of Object.keys(requirement)) expect(Object.keys(document.components.securitySchemes)).toContain(scheme);
  }
});

/** Every string in a JSON request body, with where it is, following $refs into the components. */
function stringsIn(schema: unknown, where: string, seen = new Set<string>()): { where: string; schema: Record<string, unknown> }[] {
  if (typeof schema !== "object" || schema === null) return [];
  if (Array.isArray(schema)) return schema.flatMap((item, index) => stringsIn(item, `${where}[${index}]`, seen));
  const node: Record<string, unknown> = Object.fromEntries(Object.entries(schema));
  if (typeof node.$ref === "string") {
    const name = node.$ref.replace("#/components/schemas/", "");
    if (seen.has(name)) return [];
    return stringsIn(document.components.schemas[name], name, new Set([...seen, name]));
  }
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const own = types.includes("string") ? [{ where, schema: node }] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => stringsIn(value, `${where}.${key}`, seen))];
}

test("every text a JSON body may carry has a maximum length from its schema, and enums are the domain's", () => {
  const bodies = operations.flatMap(({ path, method, details }) =>
    Object.entries(details.requestBody?.content ?? {}).flatMap(([type, media]) => (type === "application/json" ? [{ where: `${method} ${path}`, media }] : [])),
  );
  expect(bodies.length).toBeGreaterThan(5);
  const unbounded = bodies.flatMap(({ where, media }) =>
    stringsIn(media.schema, where).filter(
      (text) => typeof text.schema.maxLength !== "number" && !Array.isArray(text.schema.enum) && typeof text.schema.pattern !== "string",
    ),
  );
  // Moments of a wipe are parsed by parseMoment (app/forms/wipe.ts), which refuses anything but a date and time.
  expect(unbounded.map((text) => text.where)).toEqual(["RecordWipeInput.properties.startedAt", "RecordWipeInput.properties.finishedAt"]);
  const device = JSON.stringify(document.components.schemas.Device);
  expect(device).toContain(JSON.stringify([...deviceStatuses]));
  expect(device).toContain(JSON.stringify([...deviceTypes]));
});
