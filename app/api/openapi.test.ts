import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { openApiDocument } from "./openapi";

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

const apiRouteFiles = readdirSync(routesFolder).filter((file) => file.startsWith("api.v1.") && file !== "api.v1.$.ts");
const documentedPaths: Record<string, object> = openApiDocument.paths;

test("every API route is in the OpenAPI document, and every documented path has a route", () => {
  const routePaths = apiRouteFiles.map(pathOfRouteFile).sort();
  expect(routePaths).toEqual(Object.keys(documentedPaths).sort());
});

test("each route answers the methods the document names", () => {
  for (const file of apiRouteFiles) {
    const source = readFileSync(path.join(routesFolder, file), "utf8");
    const operations = Object.keys(documentedPaths[pathOfRouteFile(file)] ?? {});
    const hasLoader = /export (async function|const) loader\b/.test(source);
    const hasAction = /export (async function|const) action\b/.test(source);
    if (operations.includes("get")) expect(hasLoader, `${file} documents GET`).toBe(true);
    const writes = operations.filter((operation) => ["post", "put", "patch", "delete"].includes(operation));
    if (writes.length > 0) expect(hasAction, `${file} documents ${writes.join(", ")}`).toBe(true);
    expect(operations.length, `${file} documents no operation`).toBeGreaterThan(0);
  }
});

test("every $ref in the document points at a defined schema", () => {
  const text = JSON.stringify(openApiDocument);
  const references = [...text.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]);
  const schemas = Object.keys(openApiDocument.components.schemas);
  for (const reference of references) expect(schemas).toContain(reference);
  expect(openApiDocument.openapi).toBe("3.1.0");
});
