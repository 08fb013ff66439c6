// The authorization matrix over HTTP, generated from the API's route list (every documented operation;
// app/api/openapi.test.ts ties the document to the route files) and the permission table: every
// operation × no token, every role and a member of a pending organization. Without a token: 401; a
// role the table refuses: 403; a role it allows: neither (and no 5xx). Mutations aim at ids that do
// not exist (an allowed role then gets 404) or create fresh data of the test's own accounts, so the
// demo data stays as it is.
import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { can, type PermissionAction } from "~/domain/permissions";
import { apiResponses, isApiOperation, type ApiOperation } from "~/api/response-schemas";
import type { OrganizationStatus, Role } from "~/domain/organizations";
import { createAccount, type Account } from "./support/accounts";
import { bearer, test } from "./support/api";
import { expect, unique } from "./support/fixtures";
import { e2eDatabasePath } from "./support/server";

type Caller = { label: string; role: Role; organizationStatus: OrganizationStatus; account: Account; headers: Record<string, string> };
type Who = { role: Role; organizationStatus: OrganizationStatus };

/** Who may call an operation: anyone (no token needed), anyone with a token, or those the predicate allows. */
type Access = { kind: "public" } | { kind: "signed-in" } | { kind: "allowed"; allows: (who: Who) => boolean };

type Probe = {
  access: Access;
  /** The request, given the caller and the fixtures of this run. */
  request: (context: ProbeContext) => { path: string; data?: unknown; text?: string };
};

type ProbeContext = { caller: Caller | null; demoDevice: { id: number; publicId: string }; otherDepartmentId: number };

const missingId = 2_000_000_000;
const permitted = (...actions: PermissionAction[]): Access => ({ kind: "allowed", allows: (who) => actions.some((action) => can(who, action)) });
const inAMonth = () => new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

const probes: Record<ApiOperation, Probe> = {
  // Tokens are made with the account's own credentials, not a token: without them 401, a pending member 403.
  "POST /api/v1/tokens": {
    access: permitted("profile.manage"),
    request: ({ caller }) => ({
      path: "/api/v1/tokens",
      data: caller ? { email: caller.account.email, password: caller.account.password } : { email: "nobody@demo.city", password: "not-the-password" },
    }),
  },
  "GET /api/v1/me": { access: { kind: "signed-in" }, request: () => ({ path: "/api/v1/me" }) },
  "GET /api/v1/devices": { access: permitted("device.viewAll", "device.viewOwnDepartment"), request: () => ({ path: "/api/v1/devices" }) },
  "POST /api/v1/devices": {
    access: permitted("device.register"),
    request: ({ caller, otherDepartmentId }) => ({
      path: "/api/v1/devices",
      data: {
        assetTag: unique("AUTH").slice(0, 40),
        serial: unique("SN-AUTH"),
        manufacturer: "Dell",
        model: "Latitude 5490",
        type: "laptop",
        media: [{ serial: unique("MED"), kind: "SSD", capacityGb: 256 }],
        // Department staff register for their own department; anyone else names one.
        ...(caller?.role === "department" ? {} : { departmentId: otherDepartmentId }),
      },
    }),
  },
  // A demo device of a department none of the test's accounts belongs to: only whole-registry roles see it.
  "GET /api/v1/devices/{id}": { access: permitted("device.viewAll"), request: ({ demoDevice }) => ({ path: `/api/v1/devices/${demoDevice.id}` }) },
  "GET /api/v1/devices/{id}/custody": {
    access: permitted("device.viewAll"),
    request: ({ demoDevice }) => ({ path: `/api/v1/devices/${demoDevice.id}/custody` }),
  },
  "GET /api/v1/devices/{id}/certificate": {
    access: permitted("device.viewAll"),
    request: ({ demoDevice }) => ({ path: `/api/v1/devices/${demoDevice.id}/certificate` }),
  },
  "GET /api/v1/devices/{id}/certificate.pdf": {
    access: permitted("device.viewAll"),
    request: ({ demoDevice }) => ({ path: `/api/v1/devices/${demoDevice.id}/certificate.pdf` }),
  },
  "GET /api/v1/recyclers": { access: permitted("device.recycle"), request: () => ({ path: "/api/v1/recyclers" }) },
  "GET /api/v1/catalogue": { access: permitted("catalogue.view"), request: () => ({ path: "/api/v1/catalogue?type=laptop&sort=specs" }) },
  "POST /api/v1/devices/{id}/transitions": {
    access: permitted("device.collect"),
    request: () => ({ path: `/api/v1/devices/${missingId}/transitions`, data: { action: "collect" } }),
  },
  "POST /api/v1/devices/{id}/media/{mediumId}/wipes": {
    access: permitted("wipe.record"),
    request: () => ({
      path: `/api/v1/devices/${missingId}/media/${missingId}/wipes`,
      data: { method: "purge", technique: "overwrite", rounds: 1, tool: "nwipe", toolVersion: "0.36", verification: "full", result: "pass" },
    }),
  },
  "POST /api/v1/wipes/{wipeId}/validate": { access: permitted("wipe.validate"), request: () => ({ path: `/api/v1/wipes/${missingId}/validate`, data: {} }) },
  "POST /api/v1/devices/{id}/storage-absence": {
    access: permitted("wipe.record"),
    request: () => ({ path: `/api/v1/devices/${missingId}/storage-absence`, data: { notes: "Drive bay empty" } }),
  },
  "POST /api/v1/storage-absences/{absenceId}/validate": {
    access: permitted("wipe.validate"),
    request: () => ({ path: `/api/v1/storage-absences/${missingId}/validate`, data: {} }),
  },
  "POST /api/v1/devices/{id}/wipe-logs": {
    access: permitted("wipe.record"),
    request: () => ({ path: `/api/v1/devices/${missingId}/wipe-logs`, text: "nwipe: notice: not a real log" }),
  },
  "GET /api/v1/requests": { access: permitted("request.review", "request.create"), request: () => ({ path: "/api/v1/requests" }) },
  "POST /api/v1/requests": {
    access: permitted("request.create"),
    request: () => ({
      path: "/api/v1/requests",
      data: { type: "laptop", quantity: 1, minRamGb: 4, minStorageGb: 64, keyboardLayout: "any", purpose: "Homework", beneficiaries: 1, neededBy: inAMonth() },
    }),
  },
  "POST /api/v1/requests/{id}/approve": {
    access: permitted("request.review"),
    request: () => ({ path: `/api/v1/requests/${missingId}/approve`, data: { priority: 50 } }),
  },
  "POST /api/v1/requests/{id}/reject": {
    access: permitted("request.review"),
    request: () => ({ path: `/api/v1/requests/${missingId}/reject`, data: { reason: "Out of scope" } }),
  },
  "POST /api/v1/imports": {
    access: permitted("device.register"),
    request: ({ caller, otherDepartmentId }) => ({
      path: "/api/v1/imports",
      data: {
        csv: `Asset Tag,Serial Number,Manufacturer,Model,Category\n${unique("IMPA").slice(0, 40)},${unique("IMPS")},Dell,Latitude,Laptop\n`,
        dryRun: true,
        ...(caller?.role === "department" ? {} : { departmentId: otherDepartmentId }),
      },
    }),
  },
  "POST /api/v1/matching/run": { access: permitted("match.run"), request: () => ({ path: "/api/v1/matching/run", data: {} }) },
  "POST /api/v1/matching/confirm": {
    access: permitted("match.confirm"),
    request: () => ({ path: "/api/v1/matching/confirm", data: { deviceId: missingId, requestId: missingId } }),
  },
  "GET /api/v1/verify/{publicId}": { access: { kind: "public" }, request: ({ demoDevice }) => ({ path: `/api/v1/verify/${demoDevice.publicId}` }) },
  "GET /api/v1/impact": { access: { kind: "public" }, request: () => ({ path: "/api/v1/impact?from=2025-01-01&to=2025-12-31" }) },
  "GET /api/v1/openapi.json": { access: { kind: "public" }, request: () => ({ path: "/api/v1/openapi.json" }) },
};

/** A bearer token written straight into the database: a pending member may not make one through the API. */
function tokenWrittenFor(account: Account): Record<string, string> {
  const token = `ctk_${randomBytes(24).toString("base64url")}`;
  const sqlite = new Database(e2eDatabasePath, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    sqlite
      .prepare("INSERT INTO api_tokens (user_id, label, token_hash, prefix, expires_at) VALUES (?, ?, ?, ?, ?)")
      .run(account.id, "authorization matrix", createHash("sha256").update(token).digest("hex"), token.slice(0, 8), Date.now() + 86_400_000);
  } finally {
    sqlite.close();
  }
  return { Authorization: `Bearer ${token}` };
}

const operations = Object.keys(apiResponses).filter(isApiOperation);

test("every documented operation has a probe in the matrix", () => {
  expect(Object.keys(probes).sort()).toEqual([...operations].sort());
});

test("every API operation answers each caller as the permission table says", async ({ request }) => {
  test.setTimeout(120_000);
  const callers: Caller[] = [];
  for (const role of ["coordinator", "department", "technician", "recipient", "employee"] as const) {
    const account = await createAccount(role);
    callers.push({ label: role, role, organizationStatus: "approved", account, headers: await bearer(request, account.email) });
  }
  const pending = await createAccount("recipient", { organizationStatus: "pending" });
  callers.push({ label: "pending recipient", role: "recipient", organizationStatus: "pending", account: pending, headers: tokenWrittenFor(pending) });

  const coordinator = callers[0]!;
  const listed = await request.get("/api/v1/devices?status=listed&pageSize=1", { headers: coordinator.headers });
  const demoDevice: { id: number; publicId: string } = (await listed.json()).items[0];
  const otherDepartmentId = (await createAccount("department")).organization.id;

  const outcomes: string[] = [];
  for (const operation of operations) {
    const [method] = operation.split(" ");
    const probe = probes[operation];
    for (const caller of [null, ...callers]) {
      const { path, data, text } = probe.request({ caller, demoDevice, otherDepartmentId });
      const headers = { ...(caller?.headers ?? {}), ...(text !== undefined ? { "Content-Type": "text/plain" } : {}) };
      const response = await request.fetch(path, { method, headers, ...(text !== undefined ? { data: text } : data !== undefined ? { data } : {}) });
      const status = response.status();
      const who = caller?.label ?? "no token";
      const expected =
        probe.access.kind === "public"
          ? "answered"
          : caller === null
            ? 401
            : probe.access.kind === "signed-in" || probe.access.allows(caller)
              ? "answered"
              : 403;
      const actual = expected === "answered" ? (status === 401 || status === 403 || status >= 500 ? status : "answered") : status;
      outcomes.push(`${operation} as ${who}: ${actual === expected ? "as expected" : `${status}, expected ${expected}`}`);
    }
  }
  expect(outcomes.filter((line) => !line.endsWith("as expected"))).toEqual([]);
  expect(outcomes.length).toBe(operations.length * (callers.length + 1));
});
