import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiError, apiJson, fieldErrorsOf, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { importDevices, importDevicesApiInput, MAX_IMPORT_BYTES, type ImportRowResult } from "~/commands/imports/import-devices.server";
import { decodeCsvBytes } from "~/domain/device-import/decode";
import { messageParts } from "~/forms/fields";
import { apiRefusal } from "~/http/refusal-replies.server";
import { PayloadTooLargeError, readBodyBytes } from "~/http/request-body.server";
import { lookupTranslation, translate } from "~/i18n/lookup";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

const english = (message: string) => {
  const { key, values } = messageParts(message);
  return lookupTranslation("en", key) === undefined ? message : translate("en", key, values);
};

function apiRow(row: ImportRowResult) {
  const fields =
    row.fields && Object.keys(row.fields).length > 0
      ? Object.fromEntries(Object.entries(row.fields).map(([field, messages]) => [field, messages.map(english)]))
      : undefined;
  return { line: row.line, status: row.status, ...(row.device ? { device: row.device } : {}), ...(fields ? { fields } : {}) };
}

/** Choices of a text/csv upload, as query parameters (columns and categories as JSON objects). */
function queryChoices(url: string): unknown {
  const params = new URL(url).searchParams;
  const jsonParam = (name: string) => {
    const value = params.get(name);
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  };
  const flag = (name: string) => (params.has(name) ? params.get(name) === "true" || params.get(name) === "1" : undefined);
  const departmentId = params.get("departmentId");
  return {
    departmentId: departmentId === null ? undefined : Number(departmentId),
    columns: jsonParam("columns"),
    categories: jsonParam("categories"),
    dateOrder: params.get("dateOrder") ?? undefined,
    dryRun: flag("dryRun"),
    update: flag("update"),
  };
}

/** POST /api/v1/imports: preview (dryRun) or register an inventory file, as text/csv or as JSON {csv, …}. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const actor = lifecycleActorOf(requireApiUser(request));
  const mediaType = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
  let input: z.infer<typeof importDevicesApiInput>;
  if (mediaType === "text/csv" || mediaType === "text/plain" || mediaType === "text/tab-separated-values") {
    let bytes: Uint8Array;
    try {
      bytes = await readBodyBytes(request, MAX_IMPORT_BYTES);
    } catch (error) {
      if (!(error instanceof PayloadTooLargeError)) throw error;
      return apiError(413, "payload_too_large", "The file is larger than 50 MB.");
    }
    const parsed = importDevicesApiInput.safeParse({ ...(queryChoices(request.url) as object), csv: decodeCsvBytes(bytes) });
    if (!parsed.success) return apiError(422, "validation_failed", "Some fields are not valid.", fieldErrorsOf(parsed.error));
    input = parsed.data;
  } else {
    input = await parseJsonBody(request, importDevicesApiInput);
  }
  const result = importDevices(actor, input);
  if (!result.ok) return apiRefusal(result);
  const { dryRun, created, unchanged, updated, refused, rows } = result.value;
  return apiJson({ dryRun, created, unchanged, updated, refused, rows: rows.map(apiRow) });
}
