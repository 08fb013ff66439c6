// Property-based fuzzing over HTTP: every API operation (app/api/response-schemas.ts) and every page
// action (the route files that export one), with generated hostile bodies, query strings, path
// parameters and headers, as a stranger, as each role (session cookie or bearer token) and as a member
// of a pending organization. No answer may be a 5xx, an API answer must be one the OpenAPI document
// names, no HTML page may carry an injected markup marker unescaped, and the custody chain must still
// verify afterwards.
// Replay a run with FUZZ_SEED=<the seed it printed>; FUZZ_RUNS sets the number of batches of 8.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import Database from "better-sqlite3";
import fc from "fast-check";
import { apiResponses } from "~/api/response-schemas";
import type { Role } from "~/domain/organizations";
import { verifyLedgerIn } from "~/models/custody-ledger.server";
import { createAccount, type Account } from "./support/accounts";
import { expectDocumentedResponse, operationOf } from "./support/api";
import { expect, test, unique } from "./support/fixtures";
import { e2eDatabasePath } from "./support/server";

// Ten thousand requests with 1 MB bodies among them would make a trace of gigabytes.
test.use({ trace: "off" });

/** Requests sent at once in one property run; runs × batch is the request count. */
const batchSize = 8;
const numRuns = Number(process.env.FUZZ_RUNS ?? 1270);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** FUZZ_COLLECT=1: go on after a failure and list them all at the end (while hunting, not in CI). */
const collectAll = process.env.FUZZ_COLLECT === "1";
const megabyte = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// What there is to call: the API's documented operations and the pages that take a POST.

type Target = { kind: "api" | "page" | "manifest"; method: string; template: string };

/** A route file name as its path: "devices.$id_.media.$mediumId.wipe" → "/devices/{id}/media/{mediumId}/wipe", "_index" → "/?index". */
function pathOfRouteFile(file: string): string {
  const name = file.replace(/\.tsx?$/, "");
  const segments = name.split(/\.(?![^[]*\])/);
  const parts: string[] = [];
  let index = false;
  for (const segment of segments) {
    if (segment === "_index") {
      index = true;
      continue;
    }
    if (segment.startsWith("_")) continue;
    const plain = segment.replace(/_$/, "").replace(/\[(.*?)\]/g, "$1");
    parts.push(plain === "$" ? "{splat}" : plain.startsWith("$") ? `{${plain.slice(1)}}` : plain);
  }
  return `/${parts.join("/")}${index ? "?index" : ""}`;
}

const routesDirectory = path.resolve("app/routes");
const routeFiles = readdirSync(routesDirectory).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
const hasAction = (file: string) => /export (async )?function action\b|export const action\b/.test(readFileSync(path.join(routesDirectory, file), "utf8"));

const apiTargets: Target[] = Object.keys(apiResponses).map((operation) => {
  const [method = "GET", template = "/"] = operation.split(" ");
  return { kind: "api", method, template };
});
const pageFiles = routeFiles.filter((file) => !file.startsWith("api."));
const actionTargets: Target[] = pageFiles.filter(hasAction).map((file) => ({ kind: "page", method: "POST", template: pathOfRouteFile(file) }));
// Loaders with odd query strings, too (the list pages, the matching board, the PDFs).
const loaderTargets: Target[] = pageFiles.map((file) => ({ kind: "page", method: "GET", template: pathOfRouteFile(file) }));
// API answers cost a few milliseconds, pages tens: the API is drawn more often, every target regularly.
const targets: Target[] = [
  ...apiTargets,
  ...apiTargets,
  ...apiTargets,
  ...actionTargets,
  ...actionTargets,
  ...loaderTargets,
  { kind: "api", method: "POST", template: "/api/v1/{splat}" },
  // Remix's route discovery: which routes match the paths in `p` (with the build's version, or it answers 204 at once).
  { kind: "manifest", method: "GET", template: "/__manifest" },
];

// ---------------------------------------------------------------------------------------------
// Words the forms and schemas know, so that generated bodies reach past the first validation.

function wordsOf(directory: string, pattern: RegExp): string[] {
  return readdirSync(directory)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .flatMap((file) => [...readFileSync(path.join(directory, file), "utf8").matchAll(pattern)].map((match) => match[1] ?? ""));
}

const fieldNames = [
  ...new Set([
    ...wordsOf("app/forms", /^\s+(\w+):/gm),
    ...wordsOf("app/routes", /name="(\w+)"/g),
    ...wordsOf("app/routes", /formData\.get\("(\w+)"\)/g),
    "intent",
    "redirectTo",
    "email",
    "password",
    "action",
    "media",
    "media[0].serial",
    "media[1].kind",
    "media[1000000].serial",
    "media[99999999]",
    "media.0.serial",
    "a[",
    "[]",
    "__proto__.polluted",
  ]),
].filter((name) => name.length > 1);
const knownValues = [
  ...new Set([
    ...wordsOf("app/routes", /value="([\w-]+)"/g),
    ...wordsOf("app/routes", /case "([\w-]+)"/g),
    ...wordsOf("app/routes", /^\s+"?([\w-]+)"?: \w+,$/gm),
    ...wordsOf("app/domain", /"([a-z][a-zA-Z-]{2,30})"/g),
  ]),
]
  .filter((value) => !/^\d+$/.test(value))
  .slice(0, 400);

/** Markup that must never come back unescaped in an HTML page. */
const markers = ["<script>fz1()</script>", '"><svg onload=fz2()>', "'><img src=x onerror=fz3()>", "</textarea><script>fz4()</script>"];
const markerTraces = ["<script>fz", "<svg onload=fz", "<img src=x onerror=fz"];

const hostileConstants = [
  "",
  " ",
  "\u0000",
  "\u0000\u0000\u0000",
  "\ud800",
  "a\udfffb",
  "😀",
  "漢字",
  "ş",
  "\u202e",
  "\r\n",
  "Subject: x\r\nBcc: victim@example.org",
  "%00",
  "%ZZ",
  "../../etc/passwd",
  "' OR 1=1 --",
  '"',
  "\\",
  "NaN",
  "Infinity",
  "-0",
  "1e300",
  "-1",
  "0",
  "9007199254740993",
  "true",
  "null",
  "[]",
  "{}",
  "2027-02-31",
  "2027-12-31",
  "0000-00-00",
  "  padded  ",
  "x".repeat(201),
  "x".repeat(5000),
  "a@b",
  "someone@demo.city",
  "//evil.example",
  "/.//evil.example",
  "javascript:alert(1)",
  "__proto__",
  "constructor",
  ...markers,
];

// ---------------------------------------------------------------------------------------------
// Bodies, each with the Content-Type that fits it (another one is chosen part of the time).

type Body = { label: string; bytes: Buffer | null; contentType: string | null };

const text = (label: string, content: string, contentType: string | null): Body => ({ label, bytes: Buffer.from(content, "utf8"), contentType });

function urlEncoded(pairs: [string, string][]): string {
  return new URLSearchParams(pairs).toString();
}

/** A form field's name percent-encoded (encodeURIComponent throws on a lone surrogate; this writes U+FFFD). */
function encodedName(name: string): string {
  return urlEncoded([[name, ""]]).slice(0, -1);
}

function multipart(parts: { name: string; value: string; filename?: string }[], boundary: string): string {
  const encoded = parts.map(
    (part) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name.replace(/["\r\n]/g, "_")}"${
        part.filename === undefined ? "" : `; filename="${part.filename.replace(/["\r\n]/g, "_")}"\r\nContent-Type: text/plain`
      }\r\n\r\n${part.value}\r\n`,
  );
  return `${encoded.join("")}--${boundary}--\r\n`;
}

/**
 * The generators of strings, field names and bodies. Numbers that could be ids are the fuzz's own rows
 * or ones no row has: the demo data, which other specs read, stays as it is.
 */
function bodyArbitraries(ownIds: number[]) {
  const idNumber = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ownIds) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000_000_000, max: 2 ** 31 - 1 }) },
    { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 0 }) },
  );
  const anyCharacter = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
  const hostileString: fc.Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...hostileConstants) },
    { weight: 3, arbitrary: fc.constantFrom(...knownValues) },
    { weight: 2, arbitrary: fc.string({ unit: anyCharacter, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: idNumber.map(String) },
    { weight: 1, arbitrary: fc.constantFrom(...markers).chain((marker) => fc.string({ maxLength: 10 }).map((prefix) => prefix + marker)) },
  );
  const fieldName: fc.Arbitrary<string> = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: hostileString });

  const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      hostileString,
      idNumber,
      fc.constantFrom(0, -1, 1e300, -1e300, 2 ** 53 + 1, 0.5, -0.5, Number.MAX_VALUE),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fieldName, tie("value"), { maxKeys: 6 }),
    ),
  })).value;

  const formPairs = fc.array(fc.tuple(fieldName, hostileString), { maxLength: 10 });
  const nestingDepth = fc.integer({ min: 50, max: 100_000 });

  const body: fc.Arbitrary<Body> = fc.oneof(
    {
      weight: 24,
      arbitrary: fc.dictionary(fieldName, jsonValue, { maxKeys: 10 }).map((value) => text("json object", JSON.stringify(value), "application/json")),
    },
    { weight: 4, arbitrary: jsonValue.map((value) => text("json value", JSON.stringify(value) ?? "null", "application/json")) },
    {
      weight: 4,
      arbitrary: fc
        .constantFrom(
          '{"email":',
          "{,}",
          "[1,2,]",
          "NaN",
          '\ufeff{"a":1}',
          '{"a":"\u0000"}',
          "{'a':1}",
          '{"a":1}{"b":2}',
          "\u0000",
          '{"__proto__":{"admin":true}}',
        )
        .map((content) => text("broken json", content, "application/json")),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(nestingDepth, fc.boolean())
        .map(([depth, objects]) =>
          text(`nested ${depth}`, objects ? `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` : `${"[".repeat(depth)}${"]".repeat(depth)}`, "application/json"),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(megabyte - 200, megabyte - 1, megabyte + 1, megabyte + 64 * 1024), fieldName, fc.boolean())
        .map(([size, name, asForm]) =>
          asForm
            ? text(`form of ${size} bytes`, `${encodedName(name)}=${"x".repeat(Math.max(0, size - name.length - 1))}`, "application/x-www-form-urlencoded")
            : text(`json of ${size} bytes`, JSON.stringify({ [name]: "x".repeat(Math.max(0, size - name.length - 8)) }), "application/json"),
        ),
    },
    { weight: 24, arbitrary: formPairs.map((pairs) => text("form", urlEncoded(pairs), "application/x-www-form-urlencoded")) },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.tuple(fieldName, fc.constantFrom("%", "%ZZ", "%ED%A0%80", "%00", "%E0%A4%A", "a+b", "%2B", "&&&", "==")), { minLength: 1, maxLength: 4 })
        .map((pairs) => text("raw form", pairs.map(([name, value]) => `${encodedName(name)}=${value}`).join("&"), "application/x-www-form-urlencoded")),
    },
    {
      weight: 8,
      arbitrary: fc
        .tuple(
          fc.array(fc.record({ name: fieldName, value: hostileString, filename: sometimes(hostileString, 4, undefined) }), { maxLength: 6 }),
          fc.constantFrom("fz", "----x", "a".repeat(70)),
        )
        .map(([parts, boundary]) => text("multipart", multipart(parts, boundary), `multipart/form-data; boundary=${boundary}`)),
    },
    {
      weight: 4,
      arbitrary: fc
        .constantFrom(
          ["--x\r\n\r\n\r\n--x--", "multipart/form-data; boundary=x"],
          ['--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\nrelease', "multipart/form-data; boundary=x"],
          ["no framing", "multipart/form-data"],
          ['--x\r\nContent-Disposition: form-data; name="a"; filename="a"\r\n\r\n', "multipart/form-data; boundary=x"],
          ["--x--", "multipart/form-data; boundary=y"],
          ["--x\r\nContent-Disposition: form-data\r\n\r\nv\r\n--x--\r\n", "multipart/form-data; boundary=x"],
        )
        .map(([content, contentType]) => text("broken multipart", content, contentType)),
    },
    { weight: 5, arbitrary: fc.constant<Body>({ label: "no body", bytes: null, contentType: null }) },
    {
      weight: 3,
      arbitrary: fc
        .uint8Array({ maxLength: 512 })
        .map((bytes) => ({ label: "random bytes", bytes: Buffer.from(bytes), contentType: "application/octet-stream" })),
    },
    { weight: 3, arbitrary: hostileString.map((content) => text("text", content, "text/plain")) },
  );
  return { hostileString, fieldName, body };
}

const otherContentTypes = [
  null,
  "",
  "text/plain",
  "application/json",
  "application/json; charset=latin1",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  "application/xml",
  "*/*",
  "application/merge-patch+json",
  "text/html",
  "application/x-www-form-urlencoded; charset=utf-16",
  "; ;",
];

// ---------------------------------------------------------------------------------------------
// Who calls: a stranger, every role with a session cookie or a bearer token, a pending member.

type Identity = { label: string; account: Account | null; cookie: string; token: string | null; usesToken: boolean };

const hostileSegments = [
  "0",
  "-1",
  "1e300",
  "NaN",
  "99999999999999999999",
  "abc",
  "%00",
  "%ZZ",
  "%2F",
  "%2e%2e",
  "%F0%9F%98%80",
  "%ED%A0%80",
  "%3Cscript%3Efz1()%3C%2Fscript%3E",
  "x".repeat(300),
  "1.5",
  " 1",
];

type RequestPlan = {
  target: Target;
  method: string;
  identity: number;
  segments: string[];
  query: string;
  dataSuffix: boolean;
  body: Body;
  contentTypeOverride: string | null | undefined;
  accept: string | undefined;
  acceptLanguage: string | undefined;
  extraHeaders: Record<string, string>;
};

/** `present` one time in `oneIn`, otherwise `absent`. */
function sometimes<Value, Absent>(present: fc.Arbitrary<Value>, oneIn: number, absent: Absent): fc.Arbitrary<Value | Absent> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(absent) }, { weight: 1, arbitrary: present });
}

function planArbitrary(identityCount: number, ownIds: number[], publicIds: string[]): fc.Arbitrary<RequestPlan> {
  const { hostileString, fieldName, body } = bodyArbitraries(ownIds);
  const segment = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...ownIds.map(String), ...publicIds) },
    { weight: 2, arbitrary: fc.constantFrom(...hostileSegments) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000_000_000, max: 2 ** 31 - 1 }).map(String) },
  );
  const queryPair = fc.oneof(
    fc.tuple(
      fc.constantFrom("page", "pageSize", "q", "status", "type", "departmentId", "sort", "direction", "run", "dismiss", "redirectTo", "index", "lng", "_data"),
      hostileString,
    ),
    fc.tuple(fieldName, hostileString),
  );
  const query = fc.oneof(
    { weight: 2, arbitrary: fc.constant("") },
    { weight: 5, arbitrary: fc.array(queryPair, { maxLength: 5 }).map((pairs) => urlEncoded(pairs)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("q=%00%00%00", "page=1e300", "page=-1&pageSize=0", "q=%ZZ", "q=%ED%A0%80", "page=%00", "a=%", "dismiss=" + "1-1,".repeat(200)),
    },
  );
  return fc
    .record({
      target: fc.constantFrom(...targets),
      otherMethod: sometimes(fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"), 8, null),
      identity: fc.nat({ max: identityCount - 1 }),
      segments: fc.array(segment, { minLength: 3, maxLength: 3 }),
      query,
      dataSuffix: fc.integer({ min: 0, max: 9 }).map((draw) => draw < 2),
      body,
      contentTypeOverride: sometimes(fc.constantFrom(...otherContentTypes), 4, undefined),
      accept: sometimes(
        fc.constantFrom("*/*", "application/json", "text/html", "text/x-script", "image/png", "", "text/html;q=0, application/json;q=0", "garbage/<>"),
        2,
        undefined,
      ),
      acceptLanguage: sometimes(fc.constantFrom("en", "nl", "xx", "*", "en;q=abc", "nl-BE,nl;q=0.9", "x".repeat(500), ""), 3, undefined),
      extraHeaders: sometimes(
        fc.constantFrom<[string, string]>(
          ["Origin", "https://evil.example"],
          ["Sec-Fetch-Site", "cross-site"],
          ["Sec-Fetch-Site", "same-origin"],
          ["Authorization", "Bearer x"],
          ["Authorization", "Basic Zm9vOmJhcg=="],
          ["Authorization", `Bearer ${"a".repeat(4000)}`],
          ["Authorization", "Bearer "],
          ["X-Forwarded-Host", "evil.example"],
          ["X-Forwarded-For", "::1, 999.1.1.1"],
          ["If-None-Match", "*"],
          ["Range", "bytes=0-1"],
        ),
        6,
        null,
      ).map((header): Record<string, string> => (header ? { [header[0]]: header[1] } : {})),
    })
    .map(({ target, otherMethod, ...rest }) => ({ ...rest, target, method: otherMethod ?? target.method }));
}

/** The URL of a plan: its template's parameters filled in, the single-fetch ".data" form part of the time. */
function urlOf(plan: RequestPlan, manifestVersion: string): string {
  if (plan.target.kind === "manifest") {
    const paths = plan.segments.map((segment) => `p=${encodeURIComponent("/devices/")}${segment}`).join("&");
    return `/__manifest?version=${manifestVersion}&${paths}${plan.query ? `&${plan.query}` : ""}`;
  }
  let next = 0;
  let pathname = plan.target.template.replace(/\{\w+\}/g, () => plan.segments[next++ % plan.segments.length] ?? "1");
  let search = "";
  if (pathname.includes("?")) [pathname, search] = [pathname.slice(0, pathname.indexOf("?")), pathname.slice(pathname.indexOf("?") + 1)];
  if (plan.dataSuffix && plan.target.kind === "page") pathname = pathname === "/" ? "/_root.data" : `${pathname}.data`;
  const query = [search, plan.query].filter(Boolean).join("&");
  return query ? `${pathname}?${query}` : pathname;
}

// ---------------------------------------------------------------------------------------------

/** The `name=value` pairs a response sets, as a Cookie header (cleared cookies left out). */
function cookiesSetBy(response: APIResponse): string {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie" && !/max-age=0|expires=thu, 01 jan 1970/i.test(header.value))
    .map((header) => header.value.split(";")[0] ?? "")
    .filter((pair) => pair.includes("=") && !pair.endsWith("="))
    .join("; ");
}

function clearsACookie(response: APIResponse): boolean {
  return response.headersArray().some((header) => header.name.toLowerCase() === "set-cookie" && /^[^=]+=;|max-age=0/i.test(header.value));
}

async function signInCookie(request: APIRequestContext, account: Account): Promise<string> {
  const response = await request.post("/login", {
    form: { email: account.email, password: account.password, redirectTo: "/" },
    maxRedirects: 0,
    headers: { Cookie: "" },
  });
  expect(response.status(), `sign-in of ${account.email}`).toBe(302);
  return cookiesSetBy(response);
}

async function tokenOf(request: APIRequestContext, account: Account): Promise<string> {
  const response = await request.post("/api/v1/tokens", { data: { email: account.email, password: account.password, label: "fuzz" }, headers: { Cookie: "" } });
  expect(response.status(), `token of ${account.email}`).toBe(201);
  return (await response.json()).token;
}

type Tally = { requests: number; byClass: Record<string, number>; byStatus: Record<string, number>; failures: string[] };

function describePlan(plan: RequestPlan, identity: Identity, contentType: string | null, manifestVersion: string): string {
  const size = plan.body.bytes?.byteLength ?? 0;
  const preview = plan.body.bytes ? JSON.stringify(plan.body.bytes.subarray(0, 160).toString("utf8")) : "";
  const headers = Object.keys(plan.extraHeaders).length > 0 ? ` with ${JSON.stringify(plan.extraHeaders).slice(0, 80)}` : "";
  return `${plan.method} ${urlOf(plan, manifestVersion)} as ${identity.label}${identity.usesToken ? " (token)" : ""}${headers}; ${plan.body.label}, ${size} bytes, Content-Type ${JSON.stringify(contentType)}; ${preview}`;
}

test("fuzz: hostile requests to every API operation and page action answer below 500, escape what they echo, and leave the custody chain intact", async ({
  playwright,
  baseURL,
}) => {
  // About 3 minutes on two quiet cores; far longer when the machine is shared.
  test.setTimeout(20 * 60_000);
  console.log(`fuzz seed ${seed}, ${numRuns} runs of ${batchSize} requests (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns})`);
  test.info().annotations.push({ type: "fuzz seed", description: `${seed} (replay with FUZZ_SEED=${seed})` });
  expect(apiTargets.length).toBeGreaterThan(15);
  expect(actionTargets.map((target) => target.template)).toEqual(
    expect.arrayContaining(["/login", "/set-language", "/requests/new", "/matching", "/?index", "/devices/{id}"]),
  );

  // A context whose cookie jar is never used: every request names its own Cookie header.
  const request = await playwright.request.newContext({ baseURL });

  // Accounts of every role, a pending member, and some real data to aim at.
  const roles: Role[] = ["coordinator", "department", "technician", "recipient", "employee"];
  const accounts = await Promise.all(roles.map((role) => createAccount(role)));
  const pending = await createAccount("recipient", { organizationStatus: "pending" });
  const stranger: Identity = { label: "stranger", account: null, cookie: "", token: null, usesToken: false };
  const identities: Identity[] = [stranger];
  for (const account of accounts) {
    const [cookie, token] = [await signInCookie(request, account), await tokenOf(request, account)];
    identities.push({ label: account.role, account, cookie, token, usesToken: false }, { label: account.role, account, cookie, token, usesToken: true });
  }
  identities.push({ label: "pending member", account: pending, cookie: await signInCookie(request, pending), token: null, usesToken: false });
  const byRole = (role: Role) => identities.find((identity) => identity.account?.role === role && identity.usesToken)?.token ?? "";
  const bearer = (role: Role) => ({ Authorization: `Bearer ${byRole(role)}`, Cookie: "" });

  const registered = await request.post("/api/v1/devices", {
    headers: bearer("department"),
    data: {
      assetTag: unique("FUZZ").slice(0, 40),
      serial: unique("SN-FUZZ"),
      manufacturer: "Lenovo",
      model: "ThinkPad T14",
      type: "laptop",
      ramGb: 16,
      storageGb: 512,
      media: [{ serial: unique("SSD-FUZZ"), kind: "SSD", capacityGb: 512 }],
    },
  });
  expect(registered.status()).toBe(201);
  const device: { id: number; publicId: string; media: { id: number }[] } = await registered.json();
  expect((await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: bearer("technician"), data: { action: "collect" } })).status()).toBe(200);
  const wipe = await request.post(`/api/v1/devices/${device.id}/media/${device.media[0]?.id}/wipes`, {
    headers: bearer("technician"),
    data: { method: "purge", technique: "crypto-erase", tool: "hdparm", toolVersion: "9.65", verification: "full", result: "pass" },
  });
  expect(wipe.status()).toBe(201);
  const filed = await request.post("/api/v1/requests", {
    headers: bearer("recipient"),
    data: { type: "laptop", quantity: 2, purpose: "Fuzz", beneficiaries: 20, neededBy: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10) },
  });
  expect(filed.status()).toBe(201);
  const ownIds = [
    device.id,
    ...device.media.map((medium) => medium.id),
    (await wipe.json()).id,
    (await filed.json()).id,
    ...[...accounts, pending].filter((account) => account.role !== "coordinator" && account.role !== "technician").map((account) => account.organization.id),
  ].filter((id): id is number => typeof id === "number");

  const manifestVersion = /"version":\s*"(\w+)"/.exec(await (await request.get("/login", { headers: { Cookie: "" } })).text())?.[1] ?? "";
  expect(manifestVersion, "the build's version on a page").not.toBe("");

  const tally: Tally = { requests: 0, byClass: {}, byStatus: {}, failures: [] };
  const started = Date.now();

  /** A new session for the account when its cookie was cleared, a new token when the old one stopped working. */
  async function renew(account: Account, sessionEnded: boolean, tokenMayBeRevoked: boolean) {
    const twins = identities.filter((identity) => identity.account === account);
    if (sessionEnded) {
      const cookie = await signInCookie(request, account);
      for (const twin of twins) twin.cookie = cookie;
    }
    const token = twins[0]?.token ?? null;
    if (!tokenMayBeRevoked || token === null) return;
    if ((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}`, Cookie: "" } })).status() === 200) return;
    const fresh = await tokenOf(request, account);
    for (const twin of twins) twin.token = fresh;
  }

  /** Sends one planned request; returns what went wrong, if anything. */
  async function send(plan: RequestPlan): Promise<string | null> {
    const identity = identities[plan.identity] ?? stranger;
    const contentType = plan.contentTypeOverride === undefined ? plan.body.contentType : plan.contentTypeOverride;
    const headers: Record<string, string> = { Cookie: identity.usesToken ? "" : identity.cookie, ...plan.extraHeaders };
    if (identity.usesToken && identity.token) headers.Authorization = `Bearer ${identity.token}`;
    if (contentType !== null) headers["Content-Type"] = contentType;
    if (plan.accept !== undefined) headers.Accept = plan.accept;
    if (plan.acceptLanguage !== undefined) headers["Accept-Language"] = plan.acceptLanguage;
    const withBody = plan.body.bytes !== null && plan.method !== "GET" && plan.method !== "HEAD";
    tally.requests += 1;
    let response: APIResponse;
    try {
      response = await request.fetch(urlOf(plan, manifestVersion), {
        method: plan.method,
        headers,
        ...(withBody && plan.body.bytes ? { data: plan.body.bytes } : {}),
        maxRedirects: 0,
        failOnStatusCode: false,
        timeout: 60_000,
      });
    } catch (error) {
      return `no answer (${String(error).split("\n")[0]}): ${describePlan(plan, identity, contentType, manifestVersion)}`;
    }
    const status = response.status();
    const statusClass = `${Math.floor(status / 100)}xx`;
    tally.byClass[statusClass] = (tally.byClass[statusClass] ?? 0) + 1;
    tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
    if (status >= 500) return `${status}: ${describePlan(plan, identity, contentType, manifestVersion)}\n  ${(await response.text()).slice(0, 300)}`;
    // An API answer to a documented operation is one the OpenAPI document names, in status and shape.
    if (plan.target.kind === "api" && operationOf(plan.method, new URL(response.url()).pathname) !== null) {
      try {
        await expectDocumentedResponse(plan.method, response);
      } catch (error) {
        return `undocumented answer (${String(error).split("\n").slice(0, 3).join(" ")}): ${describePlan(plan, identity, contentType, manifestVersion)}`;
      }
    }
    if ((response.headers()["content-type"] ?? "").includes("text/html")) {
      const page = await response.text();
      const echoed = markerTraces.find((trace) => page.includes(trace));
      if (echoed) return `HTML echoes ${echoed} unescaped: ${describePlan(plan, identity, contentType, manifestVersion)}`;
    }
    // Signing out (everywhere) or revoking tokens may end this identity's session or token: make new ones.
    if (identity.account && plan.target.kind === "page" && /^\/(logout|profile)/.test(plan.target.template) && status < 400) {
      await renew(identity.account, clearsACookie(response), plan.target.template.startsWith("/profile"));
    }
    return null;
  }

  const plans = fc.array(planArbitrary(identities.length, ownIds, [device.publicId]), { minLength: batchSize, maxLength: batchSize });
  await fc.assert(
    fc.asyncProperty(plans, async (batch) => {
      const problems = (await Promise.all(batch.map(send))).filter((problem): problem is string => problem !== null);
      tally.failures.push(...problems);
      if (problems.length > 0 && !collectAll) throw new Error(problems.join("\n"));
    }),
    { numRuns, seed, endOnFailure: true },
  );

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const summary = `${tally.requests} requests in ${seconds} s: ${Object.entries(tally.byClass)
    .sort()
    .map(([statusClass, count]) => `${count} ${statusClass}`)
    .join(", ")}`;
  const statuses = Object.entries(tally.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
  console.log(`fuzz: ${summary}; statuses ${statuses}`);
  test.info().annotations.push({ type: "fuzz requests", description: summary }, { type: "fuzz statuses", description: statuses });
  expect(tally.failures).toEqual([]);
  expect(tally.requests).toBeGreaterThanOrEqual(10_000);

  const database = new Database(e2eDatabasePath, { readonly: true, fileMustExist: true });
  try {
    expect(database.pragma("quick_check", { simple: true })).toBe("ok");
    const verdict = verifyLedgerIn(database);
    test.info().annotations.push({ type: "custody chain", description: JSON.stringify(verdict) });
    expect(verdict.intact, JSON.stringify(verdict)).toBe(true);
  } finally {
    database.close();
  }
  await request.dispose();
});

test("route files map to the paths the fuzzer calls", () => {
  expect(pathOfRouteFile("_index.tsx")).toBe("/?index");
  expect(pathOfRouteFile("requests._index.tsx")).toBe("/requests?index");
  expect(pathOfRouteFile("devices.$id_.media.$mediumId.wipe.tsx")).toBe("/devices/{id}/media/{mediumId}/wipe");
  expect(pathOfRouteFile("devices.$id_.certificate[.pdf].ts")).toBe("/devices/{id}/certificate.pdf");
  expect(pathOfRouteFile("set-language.tsx")).toBe("/set-language");
  expect(pathOfRouteFile("$.tsx")).toBe("/{splat}");
});
