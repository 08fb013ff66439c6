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
      "Device refurbishment and redeployment marketplace. Authenticate with a bearer token from POST /api/v1/tokens. Errors are always {\"error\":{\"code\",\"message\",\"fields\"?}}.",
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
    "/api/v1/openapi.json": {
      get: {
        summary: "This document",
        responses: { "200": { description: "The OpenAPI document", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
} as const;
