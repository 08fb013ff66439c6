// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. openapi.test.ts checks
// that every API route is described here (and nothing else), and the e2e API tests check real
// responses against these schemas.

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Circuit API",
    version: "1.0.0",
    description:
      'Device refurbishment and redeployment marketplace. Authenticate with a bearer token from POST /api/v1/tokens. Errors are always {"error":{"code","message","fields"?}}.',
  },
  servers: [{ url: "/" }],
  components: {
    securitySchemes: { bearerToken: { type: "http", scheme: "bearer" } },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
            },
          },
        },
      },
      Organization: {
        type: "object",
        required: ["id", "name", "kind", "status"],
        properties: {
          id: { type: "integer" },
          name: { type: "string" },
          kind: { type: "string", enum: ["department", "it_service", "school", "nonprofit"] },
          status: { type: "string", enum: ["pending", "approved", "rejected"] },
        },
      },
      Me: {
        type: "object",
        required: ["id", "email", "name", "role", "organization"],
        properties: {
          id: { type: "string" },
          email: { type: "string", format: "email" },
          name: { type: "string" },
          role: { type: "string", enum: ["coordinator", "department", "technician", "recipient", "employee"] },
          organization: { $ref: "#/components/schemas/Organization" },
        },
      },
      TokenRequest: {
        type: "object",
        required: ["email", "password"],
        properties: {
          email: { type: "string", format: "email" },
          password: { type: "string" },
          label: { type: "string", description: "A name to recognise the token by on the profile page." },
        },
      },
      Token: { type: "object", required: ["token"], properties: { token: { type: "string" } } },
      Holder: {
        oneOf: [
          { type: "object", required: ["kind", "organizationId"], properties: { kind: { const: "organization" }, organizationId: { type: "integer" } } },
          { type: "object", required: ["kind", "userId"], properties: { kind: { const: "employee" }, userId: { type: "string" } } },
          { type: "object", required: ["kind", "name"], properties: { kind: { const: "recycler" }, name: { type: "string" } } },
        ],
      },
      MediumInput: {
        type: "object",
        required: ["serial", "kind", "capacityGb"],
        properties: { serial: { type: "string" }, kind: { type: "string", enum: ["HDD", "SSD", "NVMe", "eMMC"] }, capacityGb: { type: "integer", minimum: 1 } },
      },
      Medium: {
        allOf: [{ $ref: "#/components/schemas/MediumInput" }, { type: "object", required: ["id"], properties: { id: { type: "integer" } } }],
      },
      DeviceInput: {
        type: "object",
        required: ["assetTag", "serial", "manufacturer", "model", "type"],
        properties: {
          assetTag: { type: "string", maxLength: 40 },
          serial: { type: "string", maxLength: 80 },
          manufacturer: { type: "string" },
          model: { type: "string" },
          type: { type: "string", enum: ["laptop", "desktop", "tablet", "monitor", "phone", "other"] },
          cpu: { type: ["string", "null"] },
          ramGb: { type: ["integer", "null"] },
          storageGb: { type: ["integer", "null"] },
          screenInches: { type: ["number", "null"] },
          keyboardLayout: { type: ["string", "null"], examples: ["AZERTY-BE", "QWERTY-US"] },
          batteryHealthPercent: { type: ["integer", "null"], minimum: 0, maximum: 100 },
          conditionNotes: { type: ["string", "null"] },
          purchaseDate: { type: ["string", "null"], format: "date" },
          purchasePriceCents: { type: ["integer", "null"] },
          weightKg: { type: ["number", "null"] },
          media: { type: "array", items: { $ref: "#/components/schemas/MediumInput" } },
          departmentId: { type: "integer", description: "Required for coordinators; department staff always register for their own department." },
        },
      },
      Device: {
        type: "object",
        required: ["id", "publicId", "assetTag", "serial", "manufacturer", "model", "type", "status", "departmentId", "holder", "media"],
        properties: {
          id: { type: "integer" },
          publicId: { type: "string", description: "The id on the device's label; the public page is /verify/{publicId}." },
          assetTag: { type: "string" },
          serial: { type: "string" },
          manufacturer: { type: "string" },
          model: { type: "string" },
          type: { type: "string" },
          status: { type: "string", enum: ["registered", "collected", "wiped", "listed", "reserved", "deployed", "recycled"] },
          departmentId: { type: "integer" },
          departmentName: { type: "string" },
          holder: { $ref: "#/components/schemas/Holder" },
          holderLabel: { type: "string" },
          conditionGrade: { type: ["string", "null"], enum: ["A", "B", "C", "parts", null] },
          media: { type: "array", items: { $ref: "#/components/schemas/Medium" } },
          createdAt: { type: "string", format: "date-time" },
          updatedAt: { type: "string", format: "date-time" },
        },
      },
      DeviceList: {
        type: "object",
        required: ["items", "total"],
        properties: {
          items: { type: "array", items: { type: "object" } },
          total: { type: "integer" },
          page: { type: "integer" },
          pageSize: { type: "integer" },
        },
      },
      TransitionRequest: {
        type: "object",
        required: ["action"],
        description:
          "collect: no details. certify: none (issues the certificate). list: grade. handover: signedBy (the recipient's full name). release: reason. return: reason (optional). recycle: recycler and certificateNumber (the recycler's R2v3/e-Stewards certificate). Reserve through POST /api/v1/matching/confirm.",
        properties: {
          action: { type: "string", enum: ["collect", "certify", "list", "reserve", "release", "handover", "return", "recycle"] },
          recycler: { type: "string" },
          certificateNumber: { type: "string" },
          grade: { type: "string", enum: ["A", "B", "C", "parts"] },
          reason: { type: "string" },
          signedBy: { type: "string" },
        },
      },
      CustodyEvent: {
        type: "object",
        required: ["seq", "type", "from", "to", "actor", "at", "details", "prevHash", "hash"],
        properties: {
          seq: { type: "integer" },
          type: { type: "string" },
          from: { oneOf: [{ $ref: "#/components/schemas/Holder" }, { type: "null" }] },
          to: { $ref: "#/components/schemas/Holder" },
          fromStatus: { type: ["string", "null"] },
          toStatus: { type: "string" },
          actor: { type: "string", description: "The acting user's id (or system:payment)." },
          at: { type: "string", format: "date-time" },
          details: { type: "object" },
          prevHash: { type: "string" },
          hash: { type: "string", description: "SHA-256 over the RFC 8785 canonical JSON of the other fields (see app/domain/custody.ts)." },
        },
      },
      Custody: {
        type: "object",
        required: ["events", "headHash"],
        properties: { events: { type: "array", items: { $ref: "#/components/schemas/CustodyEvent" } }, headHash: { type: "string" } },
      },
      WipeRecordInput: {
        type: "object",
        required: ["method", "technique", "tool", "toolVersion", "verification", "result"],
        description:
          "NIST SP 800-88 Rev. 1 fields. rounds only (and always) with technique overwrite; samplePercent only (and always) with verification sample; destroy techniques only with method destroy.",
        properties: {
          method: { type: "string", enum: ["clear", "purge", "destroy"] },
          technique: {
            type: "string",
            enum: ["overwrite", "block-erase", "crypto-erase", "ata-secure-erase", "nvme-sanitize", "shred", "disintegrate", "degauss"],
          },
          rounds: { type: ["integer", "null"], minimum: 1 },
          tool: { type: "string" },
          toolVersion: { type: "string" },
          verification: { type: "string", enum: ["none", "sample", "full"] },
          samplePercent: { type: ["integer", "null"], minimum: 1, maximum: 100 },
          result: { type: "string", enum: ["pass", "fail"] },
          startedAt: { type: ["string", "null"], format: "date-time" },
          finishedAt: { type: ["string", "null"], format: "date-time" },
          notes: { type: ["string", "null"] },
        },
      },
      WipeRecord: {
        allOf: [
          { $ref: "#/components/schemas/WipeRecordInput" },
          {
            type: "object",
            required: ["id", "deviceId", "mediumId", "performedBy", "recordedAt", "validatedBy"],
            properties: {
              id: { type: "integer" },
              deviceId: { type: "integer" },
              mediumId: { type: "integer" },
              performedBy: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
              recordedAt: { type: "string", format: "date-time" },
              validatedBy: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" }, organization: { type: "string" } } },
              validatedAt: { type: ["string", "null"], format: "date-time" },
              certificateId: { type: ["integer", "null"] },
            },
          },
        ],
      },
      Certificate: {
        type: "object",
        required: ["number", "deviceId", "issuedAt", "records"],
        properties: {
          number: { type: "string", examples: ["WC-2026-000001"] },
          deviceId: { type: "integer" },
          publicId: { type: "string" },
          issuedAt: { type: "string", format: "date-time" },
          issuedBy: { type: "string" },
          records: { type: "array", items: { $ref: "#/components/schemas/WipeRecord" } },
        },
      },
      WipeDrafts: {
        type: "object",
        required: ["drafts"],
        properties: {
          drafts: {
            type: "array",
            items: {
              type: "object",
              required: ["mediumId", "serial", "method", "technique", "rounds", "verification", "result", "startedAt", "finishedAt", "tool", "toolVersion"],
              properties: {
                mediumId: { type: "integer" },
                serial: { type: "string" },
                method: { type: "string" },
                technique: { type: "string" },
                rounds: { type: ["integer", "null"] },
                verification: { type: "string" },
                result: { type: "string" },
                startedAt: { type: ["string", "null"], format: "date-time" },
                finishedAt: { type: ["string", "null"], format: "date-time" },
                tool: { type: "string" },
                toolVersion: { type: "string" },
                notes: { type: "string" },
              },
            },
          },
          ignoredDrives: { type: "array", items: { type: "string" }, description: "Drives in the log that are not media of this device." },
        },
      },
      RequestInput: {
        type: "object",
        required: ["type", "quantity", "purpose", "beneficiaries", "neededBy"],
        properties: {
          type: { type: "string", enum: ["laptop", "desktop", "tablet", "monitor", "phone", "other"] },
          quantity: { type: "integer", minimum: 1, description: "An employee asks for exactly 1." },
          minRamGb: { type: "integer", minimum: 0 },
          minStorageGb: { type: "integer", minimum: 0 },
          minScreenInches: { type: ["number", "null"] },
          keyboardLayout: { type: "string", description: '"any" or a layout name as on devices, e.g. AZERTY-BE.' },
          purpose: { type: "string" },
          beneficiaries: { type: "integer", minimum: 1 },
          neededBy: { type: "string", format: "date" },
        },
      },
      Request: {
        allOf: [
          { $ref: "#/components/schemas/RequestInput" },
          {
            type: "object",
            required: ["id", "status", "fulfilled", "priority"],
            properties: {
              id: { type: "integer" },
              status: { type: "string", enum: ["submitted", "approved", "rejected", "partly-fulfilled", "fulfilled", "cancelled"] },
              priority: { type: ["integer", "null"], description: "0–100 once approved." },
              rejectionReason: { type: ["string", "null"] },
              fulfilled: { type: "integer", description: "Devices handed over." },
              reserved: { type: "integer", description: "Devices reserved by confirmed matches, not yet handed over." },
              organization: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" } } },
            },
          },
        ],
      },
      MatchingRun: {
        type: "object",
        required: ["proposals", "unserved"],
        properties: {
          proposals: {
            type: "array",
            items: {
              type: "object",
              required: ["deviceId", "requestId", "score", "explanation"],
              properties: {
                deviceId: { type: "integer" },
                requestId: { type: "integer" },
                score: { type: "number" },
                explanation: { type: "object", description: "base + priority + waiting − excessSpec = total, with notes." },
              },
            },
          },
          unserved: {
            type: "array",
            items: {
              type: "object",
              required: ["requestId", "reason"],
              properties: {
                requestId: { type: "integer" },
                reason: { type: "string", enum: ["no-device-of-type", "specs-too-high", "keyboard-layout", "screen-too-small", "all-taken"] },
                unservedSlots: { type: "integer" },
              },
            },
          },
          totalScore: { type: "number" },
        },
      },
      PublicVerification: {
        type: "object",
        required: ["device", "hasWipeCertificate", "events", "deviceChainIntact", "headHash"],
        description: "No personal data: holders are organizations by name, or an employee by role only; actors by role.",
        properties: {
          device: {
            type: "object",
            properties: {
              publicId: { type: "string" },
              type: { type: "string" },
              manufacturer: { type: "string" },
              model: { type: "string" },
              status: { type: "string" },
            },
          },
          hasWipeCertificate: { type: "boolean" },
          certificate: {
            type: ["object", "null"],
            description: "Number, date and, per medium, the method and the validator's organization (never a person).",
            properties: { number: { type: "string" }, issuedAt: { type: "string", format: "date-time" }, media: { type: "array", items: { type: "object" } } },
          },
          events: { type: "array", items: { type: "object" } },
          deviceChainIntact: { type: "boolean" },
          headHash: { type: "string" },
        },
      },
    },
  },
  paths: {
    "/api/v1/tokens": {
      post: {
        summary: "Exchange e-mail and password for a bearer token",
        description: "Ten failed attempts for one account within 15 minutes lock it for 15 minutes (429), as on the sign-in page.",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/TokenRequest" } } } },
        responses: {
          "201": { description: "A new token; it is shown only now.", content: { "application/json": { schema: { $ref: "#/components/schemas/Token" } } } },
          "400": errorResponse("The body is not JSON."),
          "401": errorResponse("E-mail address or password is not right."),
          "422": errorResponse("A field is missing or malformed."),
          "429": errorResponse("The account is locked after too many failed attempts."),
        },
      },
    },
    "/api/v1/me": {
      get: {
        summary: "The account the token belongs to",
        security: [{ bearerToken: [] }],
        responses: {
          "200": { description: "The account", content: { "application/json": { schema: { $ref: "#/components/schemas/Me" } } } },
          "401": errorResponse("No valid token."),
        },
      },
    },
    "/api/v1/devices": {
      get: {
        summary: "List devices (coordinators and technicians: all; department staff: their department's)",
        security: [{ bearerToken: [] }],
        parameters: [
          { name: "status", in: "query", schema: { type: "string" } },
          { name: "type", in: "query", schema: { type: "string" } },
          { name: "q", in: "query", description: "Search asset tag, serial and model.", schema: { type: "string" } },
          { name: "departmentId", in: "query", schema: { type: "integer" } },
          { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        ],
        responses: {
          "200": { description: "A page of devices", content: { "application/json": { schema: { $ref: "#/components/schemas/DeviceList" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Recipients and employees see no devices here."),
          "422": errorResponse("A query parameter is not valid."),
        },
      },
      post: {
        summary: "Register a device with its storage media",
        security: [{ bearerToken: [] }],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/DeviceInput" } } } },
        responses: {
          "201": { description: "The registered device", content: { "application/json": { schema: { $ref: "#/components/schemas/Device" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("The role may not register devices, or not for that department."),
          "409": errorResponse("The asset tag or serial is registered already (fields say which)."),
          "422": errorResponse("Field errors."),
        },
      },
    },
    "/api/v1/devices/{id}": {
      get: {
        summary: "One device",
        security: [{ bearerToken: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "The device", content: { "application/json": { schema: { $ref: "#/components/schemas/Device" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Not a device the caller may see."),
          "404": errorResponse("No such device."),
        },
      },
    },
    "/api/v1/devices/{id}/transitions": {
      post: {
        summary: "Move a device along its lifecycle",
        security: [{ bearerToken: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/TransitionRequest" } } } },
        responses: {
          "200": { description: "The device after the transition", content: { "application/json": { schema: { $ref: "#/components/schemas/Device" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("The role may not take this action."),
          "404": errorResponse("No such device."),
          "409": errorResponse("The device's state does not allow the action."),
          "422": errorResponse("A required detail is missing."),
        },
      },
    },
    "/api/v1/devices/{id}/custody": {
      get: {
        summary: "The device's custody events and the ledger's head hash",
        security: [{ bearerToken: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "Custody events", content: { "application/json": { schema: { $ref: "#/components/schemas/Custody" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Not a device the caller may see."),
          "404": errorResponse("No such device."),
        },
      },
    },
    "/api/v1/devices/{id}/media/{mediumId}/wipes": {
      post: {
        summary: "Record one sanitization attempt on one storage medium (the device must be collected)",
        security: [{ bearerToken: [] }],
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "integer" } },
          { name: "mediumId", in: "path", required: true, schema: { type: "integer" } },
        ],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/WipeRecordInput" } } } },
        responses: {
          "201": { description: "The record", content: { "application/json": { schema: { $ref: "#/components/schemas/WipeRecord" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Only technicians record wipes."),
          "404": errorResponse("No such device or medium."),
          "409": errorResponse("The device is not collected."),
          "422": errorResponse("Field errors, e.g. method and technique disagree."),
        },
      },
    },
    "/api/v1/wipes/{wipeId}/validate": {
      post: {
        summary: "Validate a passing wipe record, as a second technician",
        security: [{ bearerToken: [] }],
        parameters: [{ name: "wipeId", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "The validated record", content: { "application/json": { schema: { $ref: "#/components/schemas/WipeRecord" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Not a technician, or the validator performed the wipe (code same_person)."),
          "404": errorResponse("No such record."),
          "409": errorResponse("The record failed, or is validated already."),
        },
      },
    },
    "/api/v1/devices/{id}/certificate": {
      get: {
        summary: "The device's latest wipe certificate",
        security: [{ bearerToken: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "The certificate", content: { "application/json": { schema: { $ref: "#/components/schemas/Certificate" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Not a device the caller may see."),
          "404": errorResponse("No such device, or no certificate yet."),
        },
      },
    },
    "/api/v1/devices/{id}/certificate.pdf": {
      get: {
        summary: "The certificate as a PDF (the same document as the device page's link)",
        security: [{ bearerToken: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "The PDF", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Not a device the caller may see."),
          "404": errorResponse("No such device, or no certificate yet."),
        },
      },
    },
    "/api/v1/devices/{id}/wipe-logs": {
      post: {
        summary: "Read an nwipe log into draft wipe records for this device's media (nothing is saved)",
        security: [{ bearerToken: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        requestBody: { required: true, content: { "text/plain": { schema: { type: "string" } } } },
        responses: {
          "200": {
            description: "Drafts, one per drive of this device in the log",
            content: { "application/json": { schema: { $ref: "#/components/schemas/WipeDrafts" } } },
          },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Only technicians read wipe logs."),
          "404": errorResponse("No such device."),
          "413": errorResponse("The log is too large."),
          "422": errorResponse("The log cannot be read, or names no medium of this device (fields.log lists the problems)."),
        },
      },
    },
    "/api/v1/requests": {
      get: {
        summary: "Requests: a coordinator sees all, a requester their own (their organization's)",
        security: [{ bearerToken: [] }],
        parameters: [{ name: "status", in: "query", schema: { type: "string" } }],
        responses: {
          "200": {
            description: "Requests",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { items: { type: "array", items: { $ref: "#/components/schemas/Request" } }, total: { type: "integer" } },
                },
              },
            },
          },
          "401": errorResponse("No valid token."),
          "403": errorResponse("The role has no requests."),
        },
      },
      post: {
        summary: "File a request (a member of an approved school or nonprofit, or an employee)",
        security: [{ bearerToken: [] }],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/RequestInput" } } } },
        responses: {
          "201": { description: "The request, status submitted", content: { "application/json": { schema: { $ref: "#/components/schemas/Request" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("The role may not file requests."),
          "422": errorResponse("Field errors (e.g. an employee asking for more than one device)."),
        },
      },
    },
    "/api/v1/requests/{id}/approve": {
      post: {
        summary: "Approve with a need priority (coordinator)",
        security: [{ bearerToken: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { type: "object", required: ["priority"], properties: { priority: { type: "integer", minimum: 0, maximum: 100 } } } },
          },
        },
        responses: {
          "200": { description: "The approved request", content: { "application/json": { schema: { $ref: "#/components/schemas/Request" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Coordinators only."),
          "404": errorResponse("No such request."),
          "409": errorResponse("Not a submitted request."),
          "422": errorResponse("Priority missing or out of range."),
        },
      },
    },
    "/api/v1/requests/{id}/reject": {
      post: {
        summary: "Reject with a reason (coordinator)",
        security: [{ bearerToken: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", required: ["reason"], properties: { reason: { type: "string" } } } } },
        },
        responses: {
          "200": { description: "The rejected request", content: { "application/json": { schema: { $ref: "#/components/schemas/Request" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Coordinators only."),
          "404": errorResponse("No such request."),
          "409": errorResponse("Not a submitted request."),
          "422": errorResponse("Reason missing."),
        },
      },
    },
    "/api/v1/matching/run": {
      post: {
        summary: "Propose an optimal assignment of listed devices to open requests (changes nothing)",
        security: [{ bearerToken: [] }],
        responses: {
          "200": { description: "Proposals and unserved requests", content: { "application/json": { schema: { $ref: "#/components/schemas/MatchingRun" } } } },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Coordinators only."),
        },
      },
    },
    "/api/v1/matching/confirm": {
      post: {
        summary: "Confirm a proposal: reserve the device for the request",
        security: [{ bearerToken: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: { type: "object", required: ["deviceId", "requestId"], properties: { deviceId: { type: "integer" }, requestId: { type: "integer" } } },
            },
          },
        },
        responses: {
          "200": {
            description: "The reserved device",
            content: {
              "application/json": {
                schema: { type: "object", properties: { device: { $ref: "#/components/schemas/Device" }, requestId: { type: "integer" } } },
              },
            },
          },
          "401": errorResponse("No valid token."),
          "403": errorResponse("Coordinators only."),
          "404": errorResponse("No such device or request."),
          "409": errorResponse("The device is no longer listed, the request has no open slot, or the device does not fit it."),
        },
      },
    },
    "/api/v1/verify/{publicId}": {
      get: {
        summary: "Public verification of a device by its label id (no account needed)",
        parameters: [{ name: "publicId", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The public view", content: { "application/json": { schema: { $ref: "#/components/schemas/PublicVerification" } } } },
          "404": errorResponse("No device has this label."),
        },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        summary: "This document",
        responses: { "200": { description: "The OpenAPI document", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
} as const;
