// What /api/v1 answers, in zod: one schema per response body and the table of every operation's
// responses. The OpenAPI document (app/api/openapi.ts) is generated from this table, and the e2e API
// tests parse every real response with the schema the table names, so the two cannot drift apart.
// Pure zod and the domain's words only (and the form's list of wipe sources): Playwright imports this module too.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { holderSchema as storedHolderSchema } from "~/domain/custody";
import { deviceTypes, mediumKinds } from "~/domain/devices";
import { conditionGrades, deviceStatuses, holderKinds, lifecycleActions } from "~/domain/lifecycle";
import { idleReasons, unservedReasons } from "~/domain/matching";
import { organizationKinds, organizationStatuses, roles } from "~/domain/organizations";
import { requesterKinds, requestStatuses } from "~/domain/requests";
import { sanitizationMethods, sanitizationTechniques, verificationLevels, wipeResults } from "~/domain/wipes";
import { wipeSources } from "~/forms/wipe";

// Gives every zod schema .openapi(name): a named schema becomes a component the document refers to.
extendZodWithOpenApi(z);

/** Dates leave the API as ISO 8601 strings in UTC (JSON.stringify of a Date). */
const instant = z.string().datetime();
const id = z.number().int().positive();
const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "a lower-case hex SHA-256");
const holderSchema = storedHolderSchema.openapi("Holder");
/** Named apart: a named schema made `.nullable()` in place comes out as an allOf that refuses null (a zod-to-openapi quirk). */
const holderOrNullSchema = holderSchema.nullable().openapi("HolderOrNull");

export const apiErrorSchema = z
  .object({
    error: z
      .object({
        code: z.string().describe('A stable machine-readable code, e.g. "forbidden", "not_found", "validation_failed", "invalid_state".'),
        message: z.string().describe("What went wrong, in English."),
        fields: z.record(z.array(z.string())).optional().describe("Per field (dotted path, e.g. media.0.kind): what is wrong with it."),
        problems: z.array(z.string()).optional().describe("For a wipe log that cannot be read: each problem found."),
        id: z.string().optional().describe("For an unexpected error: the id under which the server logged it."),
      })
      .strict(),
  })
  .strict()
  .openapi("Error");

export const tokenSchema = z
  .object({
    token: z.string().describe("The bearer token (ctk_…). It is shown only in this response."),
    expiresAt: instant.describe("From this moment the token is refused (401); make a new one before then."),
  })
  .strict()
  .openapi("Token");

export const organizationSchema = z
  .object({ id, name: z.string(), kind: z.enum(organizationKinds), status: z.enum(organizationStatuses) })
  .strict()
  .openapi("Organization");

export const meSchema = z
  .object({ id: z.string(), email: z.string().email(), name: z.string(), role: z.enum(roles), organization: organizationSchema })
  .strict()
  .openapi("Me");

export const mediumSchema = z
  .object({ id, serial: z.string(), kind: z.enum(mediumKinds), capacityGb: z.number().int().positive() })
  .strict()
  .openapi("Medium");

const deviceObject = z
  .object({
    id,
    publicId: z.string().describe("The id on the device's label; the public page is /verify/{publicId}."),
    assetTag: z.string(),
    serial: z.string(),
    manufacturer: z.string(),
    model: z.string(),
    type: z.enum(deviceTypes),
    cpu: z.string().nullable(),
    ramGb: z.number().int().nullable(),
    storageGb: z.number().int().nullable(),
    screenInches: z.number().nullable(),
    keyboardLayout: z.string().nullable(),
    batteryHealthPercent: z.number().int().nullable(),
    conditionGrade: z.enum(conditionGrades).nullable(),
    conditionNotes: z.string().nullable(),
    purchaseDate: z.string().date().nullable(),
    purchasePriceCents: z.number().int().nullable(),
    weightKg: z.number().nullable(),
    notes: z.string().nullable(),
    carbon: z
      .object({
        kgCo2eEmbodied: z.number().describe("Embodied carbon (kg CO2e) one reuse avoids: the footprint's non-use share, gwp_total × (1 − gwp_use_ratio)."),
        source: z.enum(["model", "type"]).describe("model: the manufacturer's footprint of this model; type: the median of its type."),
        reference: z.string().describe('The matched product and its report date ("Dell Latitude 5490, December 2018"), or "median of 452 laptops".'),
      })
      .strict()
      .nullable()
      .describe("From manufacturers' product carbon footprints (Boavizta's data set); null for a type without reference data."),
    departmentId: id,
    departmentName: z.string(),
    status: z.enum(deviceStatuses),
    holder: holderSchema,
    holderLabel: z.string().describe("The holder's name (an organization, a person or a recycler), for display."),
    media: z.array(mediumSchema),
    createdAt: instant,
    updatedAt: instant,
  })
  .strict();

export const deviceSchema = deviceObject.openapi("Device");

export const deviceListItemSchema = deviceObject
  .pick({
    id: true,
    publicId: true,
    assetTag: true,
    serial: true,
    manufacturer: true,
    model: true,
    type: true,
    status: true,
    departmentId: true,
    departmentName: true,
    updatedAt: true,
  })
  .openapi("DeviceListItem");

export const deviceListPageSchema = z
  .object({ items: z.array(deviceListItemSchema), total: count, page: z.number().int().min(1), pageSize: z.number().int().min(1) })
  .strict()
  .openapi("DeviceListPage");

export const recyclerSchema = z
  .object({
    id: id.describe("What a recycle transition names as recyclerId."),
    name: z.string(),
    accreditationNumber: z.string().nullable().describe("E.g. a WEEE or Recupel registration number."),
  })
  .strict()
  .openapi("Recycler");

export const recyclerListSchema = z
  .object({ items: z.array(recyclerSchema) })
  .strict()
  .openapi("RecyclerList");

/** One card of the catalogue: listed devices alike in type, make, model, specs, keyboard layout and grade. */
export const catalogueItemSchema = z
  .object({
    type: z.enum(deviceTypes),
    manufacturer: z.string(),
    model: z.string(),
    ramGb: z.number().int().nonnegative().nullable(),
    storageGb: z.number().int().nonnegative().nullable(),
    screenInches: z.number().nonnegative().nullable(),
    keyboardLayout: z.string().nullable(),
    grade: z.enum(conditionGrades).nullable().describe("A (as new), B (light signs of use), C (clear signs of use) or parts."),
    count: z.number().int().positive().describe("How many listed devices are alike."),
    deviceIds: z.array(id).min(1).describe("The listed devices of this card, ascending."),
    photos: z.array(z.string()).describe("Photo addresses; empty until the devices have photos."),
    waitingRequests: count.describe(
      "Approved requests with an open slot that a device of this card could serve, by the matching engine's hard constraints. Not a promise: matching decides.",
    ),
  })
  .strict()
  .openapi("CatalogueItem");

export const catalogueSchema = z
  .object({ items: z.array(catalogueItemSchema), total: count.describe("How many cards (items) the filters leave.") })
  .strict()
  .openapi("Catalogue");

// Three levels deep, as the event types' details are (the generator cannot describe a recursive schema).
const detailScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const detailObject = z.record(z.union([detailScalar, z.record(detailScalar)]));
const detailValue = z.union([detailScalar, z.array(z.union([detailScalar, detailObject])), detailObject]);

export const custodyEventSchema = z
  .object({
    seq: id,
    type: z.enum(lifecycleActions),
    from: holderOrNullSchema,
    to: holderSchema,
    fromStatus: z.enum(deviceStatuses).nullable(),
    toStatus: z.enum(deviceStatuses),
    actor: z.string().describe("The acting user's id, or system:payment."),
    at: instant,
    details: z
      .record(detailValue)
      .describe(
        "What the event type records (see app/domain/custody.ts). A collect event lists what the technician found different from the registration: " +
          "mediaAdded, mediaRemoved ([{serial, kind, capacityGb}]), mediaCorrected ([{from, to}]) and specsCorrected ({field: {from, to}}); a list event may hold specsCorrected.",
      ),
    prevHash: sha256,
    hash: sha256.describe("SHA-256 over the RFC 8785 canonical JSON of the other fields (see app/domain/custody.ts)."),
    recycler: recyclerSchema
      .optional()
      .describe("For a recycle event that names details.recyclerId: that recycler as it is now. Not hashed (the event holds only the id)."),
  })
  .strict()
  .openapi("CustodyEvent");

export const custodySchema = z
  .object({ events: z.array(custodyEventSchema), headHash: sha256 })
  .strict()
  .openapi("Custody");

const person = z.object({ id: z.string(), name: z.string() }).strict();

export const wipeRecordSchema = z
  .object({
    id,
    deviceId: id,
    mediumId: id,
    medium: z
      .object({
        serial: z.string(),
        kind: z.enum(mediumKinds),
        capacityGb: z.number().int().positive(),
        manufacturer: z.string().nullable(),
        model: z.string().nullable(),
      })
      .strict(),
    method: z.enum(sanitizationMethods),
    technique: z.enum(sanitizationTechniques),
    rounds: z.number().int().positive().nullable(),
    tool: z.string(),
    toolVersion: z.string(),
    verification: z.enum(verificationLevels),
    samplePercent: z.number().int().min(1).max(100).nullable(),
    result: z.enum(wipeResults),
    startedAt: instant.nullable(),
    finishedAt: instant.nullable(),
    notes: z.string().nullable(),
    source: z.enum(wipeSources).describe("Typed by hand, or drafted from an uploaded nwipe log."),
    logExcerpt: z.string().nullable().describe("For a record drafted from an nwipe log: the log's lines about this drive (at most 4 kB), for the validator."),
    performedBy: person,
    recordedAt: instant,
    validatedBy: person.extend({ organization: z.string() }).nullable(),
    validatedAt: instant.nullable(),
    certificateId: id.nullable(),
  })
  .strict()
  .openapi("WipeRecord");

export const storageAbsenceSchema = z
  .object({
    id,
    deviceId: id,
    notes: z.string().nullable().describe("What the technician checked, e.g. empty drive bays and slots."),
    recordedBy: person,
    recordedAt: instant,
    validatedBy: person.extend({ organization: z.string() }).nullable(),
    validatedAt: instant.nullable(),
    certificateId: id.nullable(),
  })
  .strict()
  .openapi("StorageAbsence");

export const certificateSchema = z
  .object({
    number: z.string().describe("WC-<year>-<six digits>"),
    deviceId: id,
    publicId: z.string(),
    issuedAt: instant,
    issuedBy: z.string().describe("The certifying technician's name."),
    records: z.array(wipeRecordSchema).describe("What the certificate rests on: each medium's deciding attempt (its latest of the cycle)."),
    attempts: z
      .array(wipeRecordSchema.extend({ deciding: z.boolean().describe("The medium's latest attempt of the cycle, which decides it.") }))
      .describe("Every attempt on the device's media since it was collected, failed ones included, oldest first per medium."),
    storageAbsence: storageAbsenceSchema
      .nullable()
      .describe("For a device without storage media: the validated record that none is present (two technicians), or null."),
  })
  .strict()
  .openapi("Certificate");

export const wipeDraftsSchema = z
  .object({
    drafts: z.array(
      z
        .object({
          mediumId: id,
          serial: z.string(),
          method: z.enum(sanitizationMethods),
          technique: z.enum(sanitizationTechniques),
          rounds: z.number().int().positive().nullable(),
          verification: z.enum(verificationLevels),
          result: z.enum(wipeResults),
          startedAt: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
            .nullable()
            .describe("As the log says it: the wiping machine's local time, without an offset."),
          finishedAt: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
            .nullable(),
          tool: z.string(),
          toolVersion: z.string(),
          notes: z.string(),
          logExcerpt: z.string().max(4096).describe("The log's lines about this drive; send it with the record (POST …/wipes) for the validator."),
        })
        .strict(),
    ),
    unknownDrives: z
      .array(
        z
          .object({
            serial: z.string(),
            kind: z.enum(mediumKinds).describe("As far as the log tells: /dev/nvme… is NVMe, /dev/mmcblk… eMMC, a model named SSD an SSD, else HDD."),
            capacityGb: z.number().int().positive().nullable().describe("Decimal gigabytes, from the log; null when the log gives no size."),
          })
          .strict(),
      )
      .describe("Drives the log wiped that are not storage media of this device: add them (the device page offers it in one click), then record their wipes."),
    ignoredDrives: z.array(z.string()).describe("The serial numbers of unknownDrives (kept for older clients)."),
  })
  .strict()
  .openapi("WipeDrafts");

export const requestSchema = z
  .object({
    id,
    status: z.enum(requestStatuses),
    type: z.enum(deviceTypes),
    quantity: z.number().int().positive(),
    minRamGb: count,
    minStorageGb: count,
    minScreenInches: z.number().nullable(),
    keyboardLayout: z.string().describe('"any", or a layout name as on devices, e.g. AZERTY-BE.'),
    purpose: z.string(),
    beneficiaries: z.number().int().positive(),
    neededBy: z.string().date(),
    priority: z.number().int().min(0).max(100).nullable().describe("Set when a coordinator approves."),
    rubricAnswers: z
      .union([
        z.object({ kind: z.literal("school"), pupilsWithoutDevice: count, disadvantagedSharePercent: z.number().min(0).max(100) }).strict(),
        z.object({ kind: z.literal("nonprofit"), peopleServed: count, vulnerable: z.boolean() }).strict(),
      ])
      .nullable()
      .describe("The priority rubric's answers the school or nonprofit gave; null for employees and requests filed without them."),
    rubricPriority: z.number().int().min(0).max(100).nullable().describe("The priority the published rubric computed from the answers."),
    priorityReason: z.string().nullable().describe("Why the coordinator approved with another priority than the rubric's."),
    rejectionReason: z.string().nullable(),
    fulfilled: count.describe("Devices handed over."),
    reserved: count.describe("Devices reserved by confirmed matches, not yet handed over."),
    requesterKind: z.enum(requesterKinds),
    organization: z.object({ id, name: z.string() }).strict(),
    createdAt: instant,
    reviewedAt: instant.nullable(),
  })
  .strict()
  .openapi("Request");

export const requestListSchema = z
  .object({ items: z.array(requestSchema), total: count })
  .strict()
  .openapi("RequestList");

export const matchingRunSchema = z
  .object({
    proposals: z.array(
      z
        .object({
          deviceId: id,
          requestId: id,
          score: z.number(),
          explanation: z
            .object({
              base: z.number(),
              priority: z.number(),
              waiting: z.number(),
              daysWaiting: z.number(),
              excessSpec: z.number().describe("Points taken off, the sum of excessParts."),
              excessParts: z.object({ ram: z.number(), storage: z.number(), screen: z.number() }).strict(),
              total: z.number().describe("base + priority + waiting − excessSpec"),
              notes: z.array(z.string()).describe('Short English facts, e.g. "8 GB RAM where 4 GB asked".'),
              parts: z
                .array(
                  z.discriminatedUnion("kind", [
                    z.object({ kind: z.literal("priority"), level: z.number(), of: z.number() }).strict(),
                    z.object({ kind: z.literal("waiting"), days: count, countedDays: count }).strict(),
                    z.object({ kind: z.literal("ram"), deviceGb: z.number(), askedGb: z.number() }).strict(),
                    z.object({ kind: z.literal("storage"), deviceGb: z.number(), askedGb: z.number() }).strict(),
                    z.object({ kind: z.literal("screen"), deviceInches: z.number(), askedInches: z.number() }).strict(),
                    z.object({ kind: z.literal("as-asked") }).strict(),
                  ]),
                )
                .describe("The facts of notes, structured, for a sentence in the reader's language."),
            })
            .strict(),
        })
        .strict(),
    ),
    unserved: z.array(
      z
        .object({
          requestId: id,
          openSlots: count,
          unservedSlots: count,
          reason: z
            .enum(unservedReasons)
            .describe(
              "dismissed: every fitting device was dismissed for this request; fewer-than-asked: every fitting device is proposed for this request; all-taken: fitting devices are proposed for the requests in takenBy.",
            ),
          fittingDevices: count.describe("Listed devices that fit the request, dismissed pairs left out."),
          dismissedDevices: count.describe("Fitting devices dismissed for this request."),
          takenBy: z
            .array(z.object({ requestId: id, devices: count, higherScore: z.boolean().describe("false: the scores are equal (a tie-break).") }).strict())
            .describe("Other requests that got devices which would also fit this one."),
        })
        .strict(),
    ),
    idleDevices: z
      .array(z.object({ deviceId: id, reason: z.enum(idleReasons) }).strict())
      .describe("Listed devices without a proposal: they fit no open request, only requests they were dismissed for, or requests already served."),
    totalScore: z.number(),
  })
  .strict()
  .openapi("MatchingRun");

export const matchConfirmedSchema = z.object({ device: deviceSchema, requestId: id }).strict().openapi("MatchConfirmed");

/** A holder as the public may see it: organizations and recyclers by name, an employee by role only; or none. */
const publicHolderSchema = z
  .union([
    z.object({ kind: z.enum(holderKinds).exclude(["employee"]), name: z.string() }).strict(),
    z.object({ kind: z.enum(holderKinds).extract(["employee"]) }).strict(),
  ])
  .nullable()
  .openapi("PublicHolder");

export const verificationSchema = z
  .object({
    device: deviceObject.pick({ publicId: true, type: true, manufacturer: true, model: true, status: true }),
    hasWipeCertificate: z.boolean(),
    certificate: z
      .object({
        number: z.string(),
        issuedAt: instant,
        media: z.array(
          z
            .object({
              kind: z.enum(mediumKinds),
              capacityGb: z.number().int().positive(),
              method: z.enum(sanitizationMethods),
              technique: z.enum(sanitizationTechniques),
              result: z.enum(wipeResults),
              validatorOrganization: z.string().nullable().describe("The validator only by organization, never a person."),
            })
            .strict(),
        ),
      })
      .strict()
      .nullable(),
    events: z.array(
      z
        .object({
          seq: id,
          type: z.enum(lifecycleActions),
          at: instant,
          toStatus: z.enum(deviceStatuses),
          from: publicHolderSchema,
          to: publicHolderSchema,
          actorRole: z.union([z.enum(roles), z.literal("system")]),
          details: z
            .object({
              certificateNumber: z.string(),
              grade: z.enum(conditionGrades),
              recycler: z.string().describe("The recycler's current name (as typed at the time, for events from before recyclers were kept as organizations)."),
              recyclerAccreditation: z.string().describe("The recycler's current accreditation number."),
            })
            .partial()
            .strict(),
          hash: sha256,
        })
        .strict(),
    ),
    deviceChainIntact: z.boolean(),
    headHash: sha256,
  })
  .strict()
  .describe("No personal data: holders are organizations by name, or an employee by role only; actors by role.")
  .openapi("PublicVerification");

const impactFigures = {
  devicesRedeployed: z.number().int().describe("Handovers to a new holder in the period."),
  kgCo2eAvoided: z.number().describe("Embodied carbon (kg CO2e) of the devices first redeployed in the period."),
  kgEwasteDiverted: z.number().describe("Their weight (kg)."),
  eurReplacementAvoided: z.number().describe("The price of new devices of their types (€)."),
};

export const publicImpactSchema = z
  .object({
    from: z.string().date(),
    to: z.string().date().describe("Inclusive."),
    ...impactFigures,
    byMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), ...impactFigures }).strict()),
  })
  .strict()
  .describe("City-wide figures, open data (CC0). A device counts for carbon, e-waste and cost once, at its first handover.")
  .openapi("PublicImpact");

/** This document itself (its structure is checked by app/api/openapi.test.ts). */
export const openApiDocumentSchema = z
  .object({ openapi: z.literal("3.1.0"), info: z.object({ title: z.string(), version: z.string() }).passthrough() })
  .passthrough();

export type ApiResponse =
  { description: string; schema: z.ZodTypeAny; contentType: "application/json" } | { description: string; contentType: "application/pdf" };

const importedDeviceSchema = z
  .object({
    id: z.number().int().optional(),
    assetTag: z.string().optional(),
    serial: z.string(),
    manufacturer: z.string(),
    model: z.string(),
    type: z.enum(deviceTypes),
    cpu: z.string().nullable(),
    ramGb: z.number().int().nullable(),
    storageGb: z.number().int().nullable(),
    screenInches: z.number().nullable(),
    keyboardLayout: z.string().nullable(),
    batteryHealthPercent: z.number().int().nullable(),
    weightKg: z.number().nullable(),
    conditionNotes: z.string().nullable(),
    purchaseDate: z.string().nullable(),
    purchasePriceCents: z.number().int().nullable(),
    notes: z.string().nullable(),
    media: z.array(z.object({ serial: z.string(), kind: z.enum(mediumKinds), capacityGb: z.number().int() }).strict()),
  })
  .strict();

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int().describe("Rows registered (in a dry run: that would be)."),
    unchanged: z.number().int().describe("Rows whose device is registered already with the same values."),
    updated: z.number().int().describe("Registered devices updated from the file (only with update=true, only while still registered)."),
    refused: z.number().int().describe("Rows refused, and rows that differ from their registered device without being applied."),
    rows: z.array(
      z
        .object({
          line: z.number().int().describe("The row's line in the file (the header is line 1)."),
          status: z.enum(["created", "unchanged", "updated", "different", "refused"]),
          device: importedDeviceSchema.optional().describe("What Circuit read from the row."),
          fields: z.record(z.array(z.string())).optional().describe("Each field's problem, or how it differs from the registered device, in words."),
        })
        .strict(),
    ),
  })
  .strict()
  .openapi("ImportResult");

const json = (schema: z.ZodTypeAny, description: string): ApiResponse => ({ description, schema, contentType: "application/json" });
const error = (description: string): ApiResponse => json(apiErrorSchema, description);

/** Every operation answers these when the server fails unexpectedly. */
const unexpected = { 500: error("An unexpected error; the message gives the id under which it was logged.") };
/** And these when it needs a bearer token. */
const withToken = { ...unexpected, 401: error("No valid bearer token.") };
const deviceNotVisible = {
  403: error("Not a device the caller may see (another department's, or a role without a registry view)."),
  404: error("No such device."),
};

/**
 * Every operation of /api/v1 ("METHOD /path/{param}") and what it may answer. Every status a route
 * can send is here; the e2e tests fail on any other.
 */
export const apiResponses = {
  "POST /api/v1/tokens": {
    ...unexpected,
    201: json(tokenSchema, "A new token; it is shown only now."),
    400: error("The body is not JSON."),
    413: error("The body is larger than 1 MB."),
    401: error('E-mail address or password is not right ("invalid_credentials"), or the right password of a deactivated account ("account_deactivated").'),
    403: error("The account may not make tokens (its organization is not approved)."),
    422: error("A field is missing or malformed."),
    429: error("The account is locked after too many failed attempts (Retry-After says for how long)."),
  },
  "GET /api/v1/me": { ...withToken, 200: json(meSchema, "The account the token belongs to.") },
  "GET /api/v1/devices": {
    ...withToken,
    200: json(deviceListPageSchema, "A page of devices."),
    403: error("Recipients and employees see no devices here."),
    422: error("A query parameter is not valid."),
  },
  "POST /api/v1/devices": {
    ...withToken,
    201: json(deviceSchema, "The registered device."),
    400: error("The body is not JSON."),
    413: error("The body is larger than 1 MB."),
    403: error("The role may not register devices, or not for that department."),
    409: error("The asset tag or serial is registered already (fields say which)."),
    422: error("Field errors."),
  },
  "GET /api/v1/devices/{id}": { ...withToken, ...deviceNotVisible, 200: json(deviceSchema, "The device.") },
  "POST /api/v1/devices/{id}/transitions": {
    ...withToken,
    ...deviceNotVisible,
    200: json(deviceSchema, "The device after the transition."),
    400: error("The body is not JSON."),
    413: error("The body is larger than 1 MB."),
    403: error("The role may not take this action, or the device is not one the caller may act on."),
    409: error(
      "The device's state does not allow the action (or it needs a confirmed match, or no IT service exists). Certify: code media_not_sanitized " +
        "when a medium's latest attempt did not pass or is not validated; storage_not_accounted_for for a laptop, desktop, tablet or phone " +
        "without media and without a validated no-storage record. Handover by the recipient: code not_ready_for_pickup while no technician " +
        "has set the device ready for pickup.",
    ),
    422: error(
      "The action is unknown or a required detail is missing. Handover by the recipient: a missing or wrong pickupCode (after five wrong " +
        "codes the request's code is replaced and the technician gives the new one).",
    ),
  },
  "GET /api/v1/devices/{id}/custody": {
    ...withToken,
    ...deviceNotVisible,
    200: json(custodySchema, "The device's custody events and the ledger's head hash."),
  },
  "GET /api/v1/recyclers": {
    ...withToken,
    200: json(recyclerListSchema, "The recyclers a device can go to, by name."),
    403: error("Only those who recycle devices (coordinators and technicians)."),
  },
  "GET /api/v1/catalogue": {
    ...withToken,
    200: json(catalogueSchema, "The listed devices as the catalogue's cards."),
    403: error("Only approved schools and nonprofits, employees and the coordinator (not department staff, technicians or members of a pending organization)."),
    422: error("A query parameter is not valid."),
  },
  "POST /api/v1/devices/{id}/media/{mediumId}/wipes": {
    ...withToken,
    201: json(wipeRecordSchema, "The record."),
    400: error("The body is not JSON."),
    413: error("The body is larger than 1 MB."),
    403: error("Only technicians record wipes, on devices they may see."),
    404: error("No such device or medium."),
    409: error("The device is not collected."),
    422: error("Field errors, e.g. method and technique disagree."),
  },
  "POST /api/v1/wipes/{wipeId}/validate": {
    ...withToken,
    200: json(wipeRecordSchema, "The validated record."),
    403: error("Not a technician, or the validator performed the wipe (code same_person)."),
    404: error("No such record."),
    409: error("The record failed, is validated already, or its device is not collected."),
  },
  "POST /api/v1/devices/{id}/storage-absence": {
    ...withToken,
    201: json(storageAbsenceSchema, "The record, awaiting validation by a second technician."),
    400: error("The body is not JSON."),
    413: error("The body is larger than 1 MB."),
    403: error("Only technicians record this, on devices they may see."),
    404: error("No such device."),
    409: error("The device is not collected, has storage media (code device_has_media), or has this record already (code storage_absence_recorded)."),
    422: error("Field errors (notes too long)."),
  },
  "POST /api/v1/storage-absences/{absenceId}/validate": {
    ...withToken,
    200: json(storageAbsenceSchema, "The validated record."),
    403: error("Not a technician, or the validator made the record (code same_person)."),
    404: error("No such record."),
    409: error("The record is validated already, or its device is not collected (or was collected again since)."),
  },
  "GET /api/v1/devices/{id}/certificate": {
    ...withToken,
    ...deviceNotVisible,
    200: json(certificateSchema, "The device's current wipe certificate."),
    404: error("No such device, or no current certificate."),
  },
  "GET /api/v1/devices/{id}/certificate.pdf": {
    ...withToken,
    ...deviceNotVisible,
    200: { description: "The certificate as a PDF.", contentType: "application/pdf" },
    404: error("No such device, or no current certificate."),
  },
  "POST /api/v1/devices/{id}/wipe-logs": {
    ...withToken,
    200: json(wipeDraftsSchema, "Drafts, one per drive of this device in the log."),
    403: error("Only technicians read wipe logs, of devices they may see."),
    404: error("No such device."),
    413: error("The log is too large."),
    422: error("The log cannot be read, or names none of this device's media while it has some (problems lists why)."),
  },
  "GET /api/v1/requests": {
    ...withToken,
    200: json(requestListSchema, "Requests, newest first."),
    403: error("The role has no requests."),
    422: error("Unknown status."),
  },
  "POST /api/v1/requests": {
    ...withToken,
    201: json(requestSchema, "The request, status submitted."),
    400: error("The body is not JSON."),
    413: error("The body is larger than 1 MB."),
    403: error("The role may not file requests."),
    422: error("Field errors (e.g. an employee asking for more than one device)."),
  },
  "POST /api/v1/requests/{id}/approve": {
    ...withToken,
    200: json(requestSchema, "The approved request."),
    400: error("The body is not JSON."),
    413: error("The body is larger than 1 MB."),
    403: error("Coordinators only."),
    404: error("No such request."),
    409: error("Not a submitted request."),
    422: error("Priority missing or out of range."),
  },
  "POST /api/v1/requests/{id}/reject": {
    ...withToken,
    200: json(requestSchema, "The rejected request."),
    400: error("The body is not JSON."),
    413: error("The body is larger than 1 MB."),
    403: error("Coordinators only."),
    404: error("No such request."),
    409: error("Not a submitted request."),
    422: error("Reason missing."),
  },
  "POST /api/v1/imports": {
    ...withToken,
    200: json(importResultSchema, "The preview (dryRun) or the result of the import, row by row."),
    400: error("The body is not JSON."),
    403: error("The role may not register devices, or not for that department."),
    413: error("The file is larger than allowed."),
    422: error("Field errors, a file without a serial-number column (code missing_column), or a file that is not CSV."),
  },
  "POST /api/v1/matching/run": {
    ...withToken,
    200: json(matchingRunSchema, "Proposals and unserved requests."),
    403: error("Coordinators only."),
  },
  "POST /api/v1/matching/confirm": {
    ...withToken,
    200: json(matchConfirmedSchema, "The reserved device."),
    400: error("The body is not JSON."),
    413: error("The body is larger than 1 MB."),
    403: error("Coordinators only."),
    404: error("No such device or request."),
    409: error("The device is no longer listed, the request has no open slot, or the device does not fit it."),
    422: error("deviceId or requestId missing."),
  },
  "GET /api/v1/verify/{publicId}": { ...unexpected, 200: json(verificationSchema, "The public view."), 404: error("No device has this label.") },
  "GET /api/v1/impact": {
    ...unexpected,
    200: json(publicImpactSchema, "The period's figures (with format=csv: the same per month as text/csv, a last row for the period)."),
    400: error("from or to is not a calendar day, from is after to, or format is neither json nor csv."),
  },
  "GET /api/v1/openapi.json": { ...unexpected, 200: json(openApiDocumentSchema, "This document.") },
} satisfies Record<`${"GET" | "POST"} /api/v1/${string}`, Record<number, ApiResponse>>;

export type ApiOperation = keyof typeof apiResponses;

export function isApiOperation(key: string): key is ApiOperation {
  return Object.hasOwn(apiResponses, key);
}

/** An operation's responses by status (a status it does not name is undefined). */
export function responsesOf(operation: ApiOperation | null): Partial<Record<number, ApiResponse>> {
  return operation ? apiResponses[operation] : unknownOperationResponses;
}

/** Answers of /api/v1 paths that name no operation: the catch-all's 404 and a route's 405. */
export const unknownOperationResponses = {
  404: error("There is no such API endpoint."),
  405: error("The path does not answer this method (Allow lists the ones it does)."),
} satisfies Record<number, ApiResponse>;
