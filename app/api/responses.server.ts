// How /api/v1 answers: JSON, and errors always as {"error":{"code","message","fields"?}}.
import type { z } from "zod";
import { readApiJson } from "~/http/request-body.server";
import { messageParts } from "~/forms/fields";
import { lookupTranslation, translate } from "~/i18n/lookup";

export type ApiFieldErrors = Record<string, string[]>;

export function apiJson(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers });
}

export function apiError(status: number, code: string, message: string, fields?: ApiFieldErrors): Response {
  return Response.json({ error: fields ? { code, message, fields } : { code, message } }, { status });
}

export function fieldErrorsOf(error: z.ZodError): ApiFieldErrors {
  const fields: ApiFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "body";
    // Form schemas carry translation keys as messages; the API speaks English.
    const message = messageParts(issue.message);
    (fields[key] ??= []).push(lookupTranslation("en", message.key) === undefined ? issue.message : translate("en", message.key, message.values));
  }
  return fields;
}

/** Checks a command's input against its schema; throws the API's 422 answer, naming the fields, otherwise. */
export function parseApiInput<Schema extends z.ZodTypeAny>(schema: Schema, input: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw apiError(422, "validation_failed", "Some fields are not valid.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

/**
 * Reads a JSON body (at most 1 MB, see readApiJson) and checks it against a schema; throws the API error response otherwise.
 * `fromPath` adds what the address names (the device, the medium) over whatever the body says.
 */
export async function parseJsonBody<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
  fromPath?: Record<string, unknown>,
): Promise<z.infer<Schema>> {
  const body = await readApiJson(request);
  const withPath = fromPath && typeof body === "object" && body !== null && !Array.isArray(body) ? { ...body, ...fromPath } : body;
  return parseApiInput(schema, withPath);
}

export function methodNotAllowed(allowed: string[]): Response {
  return Response.json(
    { error: { code: "method_not_allowed", message: `Use ${allowed.join(" or ")}.` } },
    { status: 405, headers: { Allow: allowed.join(", ") } },
  );
}
