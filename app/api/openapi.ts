// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json, generated from zod: the
// request side from the very schemas the routes parse with, the response side from the table in
// app/api/response-schemas.ts, which the e2e API tests also parse every real response with.
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type ZodRequestBody } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { transitionBodySchema } from "~/api/transitions";
import { collectDeviceInput } from "~/commands/devices/collect-device.server";
import { registerDeviceInput } from "~/commands/devices/register-device.server";
import { importDevicesApiInput } from "~/commands/imports/import-devices.server";
import { confirmMatchInput } from "~/commands/matches/confirm-match.server";
import { approveRequestInput } from "~/commands/requests/approve-request.server";
import { fileRequestInput } from "~/commands/requests/file-request.server";
import { rejectRequestInput } from "~/commands/requests/reject-request.server";
import { readWipeLogInput } from "~/commands/wipes/read-wipe-log.server";
import { recordWipeInput } from "~/commands/wipes/record-wipe.server";
import { validateWipeInput } from "~/commands/wipes/validate-wipe.server";
import { recordStorageAbsenceInput } from "~/commands/wipes/record-storage-absence.server";
import { validateStorageAbsenceInput } from "~/commands/wipes/validate-storage-absence.server";
import { catalogueQuerySchema } from "~/forms/catalogue";
import { deviceListQuerySchema } from "~/forms/device";
import { apiTokenRequestInput } from "~/forms/api-token";
import { requestListQuery } from "~/forms/request";
import { isApiOperation, responsesOf, type ApiOperation, type ApiResponse } from "./response-schemas";

const registry = new OpenAPIRegistry();
const bearerToken = registry.registerComponent("securitySchemes", "bearerToken", { type: "http", scheme: "bearer" });

/** The path parameter of the reading routes, which call no command. */
const deviceIdParams = z.object({ id: z.number().int().positive().describe("The device's id.") });

/** The fields of a command's input (an object, maybe refined). */
function fieldsOf(input: z.ZodTypeAny): z.ZodRawShape {
  if (input instanceof z.ZodEffects) return fieldsOf(input.innerType());
  if (!(input instanceof z.ZodObject)) throw new Error("A command input is a zod object (maybe refined).");
  return input.shape;
}

/**
 * A command's input split as the route reads it: the path names some fields (`{ id: "deviceId" }`),
 * the body carries the rest. Refinements across fields stay the command's; OpenAPI cannot say them.
 */
function commandRequest(input: z.ZodTypeAny, fromPath: Record<string, string>) {
  const fields = fieldsOf(input);
  const params = Object.entries(fromPath).map(([name, field]) => {
    const schema = fields[field];
    if (!schema) throw new Error(`The command input has no ${field}: the path and the command disagree.`);
    return [name, schema.describe(`The ${field.replace(/Id$/, "")}'s id.`)];
  });
  const inPath = Object.values(fromPath);
  return {
    params: z.object(Object.fromEntries(params)),
    body: z.object(Object.fromEntries(Object.entries(fields).filter(([field]) => !inPath.includes(field)))),
  };
}

const recordWipe = commandRequest(recordWipeInput, { id: "deviceId", mediumId: "mediumId" });
const approveRequest = commandRequest(approveRequestInput, { id: "requestId" });
const rejectRequest = commandRequest(rejectRequestInput, { id: "requestId" });
const readWipeLog = commandRequest(readWipeLogInput, { id: "deviceId" });
const recordStorageAbsence = commandRequest(recordStorageAbsenceInput, { id: "deviceId" });

const json = (schema: z.ZodTypeAny) => ({ required: true, content: { "application/json": { schema } } });

type OperationDoc = {
  summary: string;
  description?: string;
  /** Answers without a bearer token. */
  public?: true;
  params?: z.AnyZodObject;
  query?: z.AnyZodObject;
  body?: ZodRequestBody;
};

const operations: Record<ApiOperation, OperationDoc> = {
  "POST /api/v1/tokens": {
    summary: "Exchange e-mail and password for a bearer token",
    description: "Ten failed attempts for one account within 15 minutes lock it for 15 minutes (429), as on the sign-in page.",
    public: true,
    // The route signs in with these fields and makes the token with the create-api-token command's input.
    body: json(
      apiTokenRequestInput.describe(
        "label: a name to recognise the token by on the profile page (API when none is given). expiresInDays: how long it works, 7, 30, 90 or 365 days (90 when none is given).",
      ),
    ),
  },
  "GET /api/v1/me": { summary: "The account the token belongs to" },
  "GET /api/v1/devices": {
    summary: "List devices (coordinators and technicians: all; department staff: their department's)",
    query: deviceListQuerySchema,
  },
  "POST /api/v1/devices": {
    summary: "Register a device with its storage media",
    description: "departmentId is required for coordinators; department staff always register for their own department.",
    body: json(registry.register("RegisterDeviceInput", registerDeviceInput)),
  },
  "GET /api/v1/devices/{id}": { summary: "One device", params: deviceIdParams },
  "POST /api/v1/imports": {
    summary: "Import an inventory file (CSV): preview with dryRun, or register its good rows in one transaction",
    description:
      "Send the file as text/csv (choices as query parameters: departmentId, dryRun, update, dateOrder DMY|MDY|YMD, columns and categories as JSON objects) " +
      'or as JSON {csv, departmentId, columns: {header: field|"ignore"}, categories: {value: type}, dateOrder, dryRun, update}. Rows are matched by asset tag, ' +
      "then serial: the same file twice changes nothing. A file without a serial-number column is answered 422 missing_column before any row is read.",
    body: {
      content: {
        "application/json": { schema: registry.register("ImportDevicesInput", importDevicesApiInput) },
        "text/csv": { schema: { type: "string" } },
      },
    },
  },
  "POST /api/v1/devices/{id}/transitions": {
    summary: "Move a device along its lifecycle",
    description:
      "collect: no details. certify: none (issues the certificate). list: grade. handover: signedBy (the recipient's full name). release: reason. " +
      "return: reason (optional). recycle: recyclerId (from GET /api/v1/recyclers; an unknown id is a field error) and certificateNumber " +
      "(the destruction or recycling certificate the recycler issues; recyclerCertificateNumber is accepted too). Reserve through POST /api/v1/matching/confirm.",
    params: commandRequest(collectDeviceInput, { id: "deviceId" }).params,
    body: json(registry.register("TransitionRequest", transitionBodySchema)),
  },
  "GET /api/v1/devices/{id}/custody": { summary: "The device's custody events and the ledger's head hash", params: deviceIdParams },
  "GET /api/v1/recyclers": { summary: "The recyclers the coordinator keeps, with their accreditation numbers (a recycle transition names one by id)" },
  "GET /api/v1/catalogue": {
    summary: "The catalogue: listed devices grouped into cards with a count (approved schools and nonprofits, employees, the coordinator)",
    description:
      "One item per group of listed devices alike in type, manufacturer, model, ramGb, storageGb, screenInches, keyboardLayout and grade; reserved " +
      "devices and devices not yet listed are never in it. Filters: type; minRamGb, minStorageGb, minScreenInches (at least); keyboardLayout " +
      "(equal, any case); grade. sort: newest (default) or specs. waitingRequests counts approved requests with an open slot that the item's " +
      "devices could serve, by the matching engine's hard constraints.",
    query: catalogueQuerySchema,
  },
  "POST /api/v1/devices/{id}/media/{mediumId}/wipes": {
    summary: "Record one sanitization attempt on one storage medium (the device must be collected)",
    description:
      "NIST SP 800-88 Rev. 1 fields. rounds only (and always) with technique overwrite; samplePercent only (and always) with verification sample; " +
      "destroy techniques only with method destroy.",
    params: recordWipe.params,
    body: json(registry.register("RecordWipeInput", recordWipe.body)),
  },
  "POST /api/v1/wipes/{wipeId}/validate": {
    summary: "Validate a passing wipe record, as a second technician",
    // The device page also names the device; the API's path names only the record.
    params: commandRequest(validateWipeInput, { wipeId: "wipeId" }).params,
  },
  "POST /api/v1/devices/{id}/storage-absence": {
    summary: "Record that a collected device without storage media holds no storage at all (checked by hand)",
    description:
      "A laptop, desktop, tablet or phone without media is certified only once a second technician validates this record. Refused for a device " +
      "with media (wipe them instead), and once per cycle. The body may be {} or give notes (what was checked).",
    params: recordStorageAbsence.params,
    body: json(registry.register("RecordStorageAbsenceInput", recordStorageAbsence.body)),
  },
  "POST /api/v1/storage-absences/{absenceId}/validate": {
    summary: "Validate a no-storage record, as a second technician",
    params: commandRequest(validateStorageAbsenceInput, { absenceId: "absenceId" }).params,
  },
  "GET /api/v1/devices/{id}/certificate": {
    summary: "The device's current wipe certificate",
    description:
      "records: each medium's deciding attempt (its latest since collection). attempts: every attempt since collection, failed ones included, " +
      "each marked deciding or not. storageAbsence: the validated no-storage record of a device without media, or null.",
    params: deviceIdParams,
  },
  "GET /api/v1/devices/{id}/certificate.pdf": { summary: "The certificate as a PDF (the same document as the device page's link)", params: deviceIdParams },
  "POST /api/v1/devices/{id}/wipe-logs": {
    summary: "Read an nwipe log into draft wipe records for this device's media (nothing is saved)",
    description:
      "drafts: one per drive of the log that is a storage medium of this device. unknownDrives: the log's other drives " +
      "(serial, kind, capacityGb) — the device page adds such a drive in one click; a device without media is offered every drive. " +
      "A log that names none of the media of a device that has some is refused (422): it is most likely another device's log.",
    params: readWipeLog.params,
    body: { required: true, content: { "text/plain": { schema: readWipeLogInput.shape.log.describe("The nwipe log, as nwipe wrote it.") } } },
  },
  "GET /api/v1/requests": {
    summary: "Requests: a coordinator sees all, a requester their own (their organization's)",
    query: requestListQuery,
  },
  "POST /api/v1/requests": {
    summary: "File a request (a member of an approved school or nonprofit, or an employee)",
    description: "An employee asks for exactly one device.",
    body: json(registry.register("FileRequestInput", fileRequestInput)),
  },
  "POST /api/v1/requests/{id}/approve": {
    summary: "Approve with a need priority (coordinator)",
    params: approveRequest.params,
    body: json(approveRequest.body),
  },
  "POST /api/v1/requests/{id}/reject": {
    summary: "Reject with a reason (coordinator)",
    params: rejectRequest.params,
    body: json(rejectRequest.body),
  },
  "POST /api/v1/matching/run": { summary: "Propose an optimal assignment of listed devices to open requests (changes nothing)" },
  "POST /api/v1/matching/confirm": {
    summary: "Confirm a proposal: reserve the device for the request",
    description: "Of simultaneous confirmations of one device, exactly one wins.",
    body: json(registry.register("ConfirmMatchInput", confirmMatchInput)),
  },
  "GET /api/v1/verify/{publicId}": {
    summary: "Public verification of a device by its label id (no account needed)",
    public: true,
    params: z.object({ publicId: z.string().describe("The id on the device's label.") }),
  },
  "GET /api/v1/impact": {
    summary: "What reuse saved, city-wide, per month: open data (CC0, no account needed)",
    public: true,
    query: z.object({
      from: z.string().date().optional().describe("First day (YYYY-MM-DD, Brussels time); with to. Default: this year."),
      to: z.string().date().optional().describe("Last day, inclusive."),
      format: z.enum(["json", "csv"]).optional().describe("csv: the same figures as CSV."),
    }),
  },
  "GET /api/v1/openapi.json": { summary: "This document", public: true },
};

function responseConfig(response: ApiResponse): ResponseConfig {
  if (response.contentType === "application/pdf") {
    return { description: response.description, content: { "application/pdf": { schema: { type: "string", format: "binary" } } } };
  }
  return { description: response.description, content: { "application/json": { schema: response.schema } } };
}

function methodOf(operation: ApiOperation): "get" | "post" {
  return operation.startsWith("GET ") ? "get" : "post";
}

for (const operation of Object.keys(operations).filter(isApiOperation)) {
  const doc = operations[operation];
  const responses = responsesOf(operation);
  registry.registerPath({
    method: methodOf(operation),
    path: operation.slice(operation.indexOf(" ") + 1),
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    ...(doc.public ? {} : { security: [{ [bearerToken.name]: [] }] }),
    request: { params: doc.params, query: doc.query, body: doc.body },
    responses: Object.fromEntries(Object.entries(responses).flatMap(([status, response]) => (response ? [[status, responseConfig(response)]] : []))),
  });
}

export const openApiDocument = new OpenApiGeneratorV31(registry.definitions).generateDocument({
  openapi: "3.1.0",
  info: {
    title: "Circuit API",
    version: "1.0.0",
    description:
      'Device refurbishment and redeployment marketplace. Authenticate with a bearer token from POST /api/v1/tokens. Errors are always {"error":{"code","message","fields"?}}. Out-of-scope ids (another department\'s device) answer 403; ids that do not exist answer 404.',
  },
  servers: [{ url: "/" }],
});
