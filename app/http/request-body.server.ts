// Reading request bodies with byte limits enforced while the bytes arrive: a body over its limit is
// refused after at most the limit (plus one chunk) has been read, with or without Content-Length.
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/** A body, file or field larger than allowed. `part` names the form field, when there is one. */
export class PayloadTooLargeError extends Error {
  constructor(
    readonly limitBytes: number,
    readonly part: { kind: "file" | "field"; name: string } | null = null,
  ) {
    super(`${part ? `The ${part.kind} "${part.name}"` : "The request body"} is larger than ${formatBytes(limitBytes)}.`);
    this.name = "PayloadTooLargeError";
  }
}

/** A form body in a type no form sends (text/plain, JSON, none): answered 415. */
export class UnsupportedMediaTypeError extends Error {
  constructor(readonly contentType: string | null) {
    super(`A form must be sent as multipart/form-data or application/x-www-form-urlencoded${contentType ? `, not ${contentType}` : ""}.`);
    this.name = "UnsupportedMediaTypeError";
  }
}

/** A body that does not parse as what its Content-Type says (broken multipart framing), or names no field a form has: answered 400. */
export class MalformedBodyError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = "MalformedBodyError";
  }
}

/** Forms without files and JSON bodies: far more than any form or API call of this site sends. */
export const MAX_FORM_BYTES = 1024 * 1024;
export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * The shape of a body, bounded before any schema sees it: a list position in a field name
 * (`media[1000000]`) makes conform build a list that long, and zod checks every element of a list even
 * past its `max` (300,000 empty media in 1 MB of JSON took 28 s). No form or API call comes near these.
 */
export const MAX_FORM_FIELDS = 1000;
export const MAX_FORM_LIST_POSITION = 999;
export const MAX_FIELD_NAME_LENGTH = 200;
export const MAX_JSON_VALUES = 10_000;
export const MAX_JSON_DEPTH = 64;

/** "5 MB", "64 kB", "300 bytes": limits as people read them (binary multiples, as the limits are set). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} kB`;
  return `${bytes} bytes`;
}

function declaredLength(request: Request): number | null {
  const header = request.headers.get("Content-Length");
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}

/**
 * The body as a stream that errors with PayloadTooLargeError once more than `maxBytes` have passed.
 * On overflow or cancel it lets go of the request's stream without cancelling it: cancelling would
 * destroy the socket before the 413 is written (the server discards the unread rest, see server.ts).
 */
export function limitedBodyStream(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let seen = 0;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    reader.releaseLock();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
          return;
        }
        seen += value.byteLength;
        if (seen > maxBytes) {
          release();
          controller.error(new PayloadTooLargeError(maxBytes));
          return;
        }
        controller.enqueue(value);
      },
      cancel: release,
    },
    // Pull only when the consumer asks: nothing is read ahead of the parser.
    { highWaterMark: 0 },
  );
}

/**
 * The body's bytes, undecoded (a CSV file may be Windows-1252), refused with PayloadTooLargeError as
 * soon as it passes `maxBytes` bytes (at once when Content-Length already says so).
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = declaredLength(request);
  if (declared !== null && declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = limitedBodyStream(request.body, maxBytes).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body as text, refused with PayloadTooLargeError as soon as it passes `maxBytes` bytes (at once
 * when Content-Length already says so). Decoded as UTF-8.
 */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const declared = declaredLength(request);
  if (declared !== null && declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (!request.body) return "";
  const reader = limitedBodyStream(request.body, maxBytes).getReader();
  const decoder = new TextDecoder("utf-8");
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export type FormLimits = {
  /** Largest uploaded file, in bytes. */
  maxFileBytes: number;
  /** Largest ordinary field, in bytes. */
  maxFieldBytes: number;
  /** Largest whole body; by default one file plus 1 MB for the fields and the multipart framing. */
  maxBodyBytes?: number;
};

export type FormReading =
  { ok: true; formData: FormData } | { ok: false; error: PayloadTooLargeError; messageKey: "errors.upload.fileTooLarge" | "errors.upload.formTooLarge" };

function exceededPart(error: unknown, isFile: (name: string) => boolean, limits: FormLimits): PayloadTooLargeError | null {
  if (error instanceof PayloadTooLargeError) return error;
  if (error instanceof MaxPartSizeExceededError) {
    const kind = isFile(error.field) ? "file" : "field";
    return new PayloadTooLargeError(kind === "file" ? limits.maxFileBytes : limits.maxFieldBytes, { kind, name: error.field });
  }
  return null;
}

async function readMultipart(request: Request, limits: FormLimits, maxBodyBytes: number): Promise<FormData> {
  const fileParts = new Set<string>();
  const files = unstable_createMemoryUploadHandler({ maxPartSize: limits.maxFileBytes, filter: ({ filename }) => filename !== undefined });
  const fields = unstable_createMemoryUploadHandler({ maxPartSize: limits.maxFieldBytes, filter: ({ filename }) => filename === undefined });
  const handler: UploadHandler = async (part) => {
    if (part.filename !== undefined) fileParts.add(part.name);
    return (await files(part)) ?? (await fields(part));
  };
  // The parser reads the request's own body; hand it a copy whose body stops at the limit.
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body ? limitedBodyStream(request.body, maxBodyBytes) : null,
    duplex: "half",
  });
  try {
    return await unstable_parseMultipartFormData(limited, handler);
  } catch (error) {
    throw exceededPart(error, (name) => fileParts.has(name), limits) ?? new MalformedBodyError("The form could not be read.", { cause: error });
  }
}

async function readUrlEncoded(request: Request, limits: FormLimits, maxBodyBytes: number): Promise<FormData> {
  const formData = new FormData();
  const encoder = new TextEncoder();
  for (const [name, value] of new URLSearchParams(await readTextBody(request, maxBodyBytes))) {
    if (encoder.encode(value).byteLength > limits.maxFieldBytes) throw new PayloadTooLargeError(limits.maxFieldBytes, { kind: "field", name });
    formData.append(name, value);
  }
  return formData;
}

/** Throws MalformedBodyError for more fields, longer names or later list positions than any form has. */
function checkFieldNames(formData: FormData): void {
  let fields = 0;
  for (const name of formData.keys()) {
    fields += 1;
    if (fields > MAX_FORM_FIELDS) throw new MalformedBodyError(`A form has at most ${MAX_FORM_FIELDS} fields.`);
    if (name.length > MAX_FIELD_NAME_LENGTH) throw new MalformedBodyError(`A field name has at most ${MAX_FIELD_NAME_LENGTH} characters.`);
    for (const [, position] of name.matchAll(/\[\s*(\d+)\s*\]/g)) {
      if (Number(position) > MAX_FORM_LIST_POSITION) throw new MalformedBodyError(`A list in a form has at most ${MAX_FORM_LIST_POSITION + 1} items.`);
    }
  }
}

/**
 * A submitted form (multipart or URL-encoded) with every file, field and the whole body held to its
 * limit while streaming. Over a limit, answers `{ ok: false }` so the page can say so in its form.
 * Throws UnsupportedMediaTypeError for any other Content-Type, MalformedBodyError for broken multipart.
 */
export async function readFormWithLimits(request: Request, limits: FormLimits): Promise<FormReading> {
  const maxBodyBytes = limits.maxBodyBytes ?? limits.maxFileBytes + 1024 * 1024;
  const contentType = request.headers.get("Content-Type");
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  const multipart = mediaType === "multipart/form-data";
  if (!multipart && mediaType !== "application/x-www-form-urlencoded") throw new UnsupportedMediaTypeError(contentType);
  try {
    const declared = declaredLength(request);
    if (declared !== null && declared > maxBodyBytes) throw new PayloadTooLargeError(maxBodyBytes);
    const formData = multipart ? await readMultipart(request, limits, maxBodyBytes) : await readUrlEncoded(request, limits, maxBodyBytes);
    checkFieldNames(formData);
    return { ok: true, formData };
  } catch (error) {
    if (!(error instanceof PayloadTooLargeError)) throw error;
    // A whole multipart body over its limit is, in practice, a file too large; a form without files has only fields.
    const aboutFile = error.part ? error.part.kind === "file" : multipart;
    return { ok: false, error, messageKey: aboutFile ? "errors.upload.fileTooLarge" : "errors.upload.formTooLarge" };
  }
}

/** readTextBody for API routes: over the limit, throws the JSON 413 answer (`what` names the body in its message). */
export async function readApiTextBody(request: Request, maxBytes: number, what = "request body"): Promise<string> {
  try {
    return await readTextBody(request, maxBytes);
  } catch (error) {
    if (!(error instanceof PayloadTooLargeError)) throw error;
    throw Response.json({ error: { code: "payload_too_large", message: `The ${what} is larger than ${formatBytes(maxBytes)}.` } }, { status: 413 });
  }
}

/** What a page's form may hold: no files, 1 MB in all. */
const pageFormLimits: FormLimits = { maxFileBytes: MAX_FORM_BYTES, maxFieldBytes: MAX_FORM_BYTES, maxBodyBytes: MAX_FORM_BYTES };

/**
 * The page answer for a body it cannot take: a page route's error boundary shows the translated
 * message for the status; a route without a page (/set-language) answers the reason and message as JSON.
 * A Response rather than `data()`: a route without a page turns a thrown `data()` into "Unexpected Server Error".
 */
export function formBodyRefusal(error: unknown): never {
  const refusal = (status: number, reason: string, message: string) => Response.json({ reason, message }, { status });
  if (error instanceof UnsupportedMediaTypeError) throw refusal(415, "unsupported-media-type", error.message);
  if (error instanceof MalformedBodyError) throw refusal(400, "bad-request", error.message);
  if (error instanceof PayloadTooLargeError) throw refusal(413, "payload-too-large", error.message);
  throw error;
}

/**
 * The form of a page's action, every body held to its limit while streaming. A body over the limit,
 * in another type than a form, or broken, is thrown as a 413, 415 or 400 page.
 */
export async function readForm(request: Request, limits: FormLimits = pageFormLimits): Promise<FormData> {
  let reading: FormReading;
  try {
    reading = await readFormWithLimits(request, limits);
  } catch (error) {
    formBodyRefusal(error);
  }
  if (!reading.ok) formBodyRefusal(reading.error);
  return reading.formData;
}

/**
 * A JSON body for the API, read to at most MAX_JSON_BYTES while streaming: over it, the JSON 413;
 * anything JSON.parse refuses, the JSON 400 (in any Content-Type: clients often omit or misstate it).
 */
export async function readApiJson(request: Request): Promise<unknown> {
  const text = await readApiTextBody(request, MAX_JSON_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw Response.json({ error: { code: "invalid_json", message: "The request body must be a JSON object." } }, { status: 400 });
  }
  const problem = jsonShapeProblem(body);
  if (problem) throw Response.json({ error: { code: "payload_too_large", message: problem } }, { status: 413 });
  return body;
}

/** Why a parsed JSON value is too big to hand to a schema (too many values, nested too deep), or null. */
export function jsonShapeProblem(body: unknown): string | null {
  const pending: { value: unknown; depth: number }[] = [{ value: body, depth: 1 }];
  let values = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    values += 1;
    if (values > MAX_JSON_VALUES) return `The request body holds more than ${MAX_JSON_VALUES} values.`;
    if (next.depth > MAX_JSON_DEPTH) return `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`;
    if (typeof next.value !== "object" || next.value === null) continue;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return null;
}
