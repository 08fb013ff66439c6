import { describe, expect, test } from "vitest";
import enMessages from "~/i18n/locales/en.json";
import nlMessages from "~/i18n/locales/nl.json";
import { MAX_LOG_BYTES } from "~/commands/wipes/read-wipe-log.server";
import { thrownStatus } from "~/test/requests";
import {
  formatBytes,
  formBodyRefusal,
  jsonShapeProblem,
  MalformedBodyError,
  MAX_FORM_BYTES,
  MAX_FORM_FIELDS,
  MAX_JSON_BYTES,
  MAX_JSON_VALUES,
  PayloadTooLargeError,
  readApiJson,
  readApiTextBody,
  readForm,
  readFormWithLimits,
  readTextBody,
  UnsupportedMediaTypeError,
} from "./request-body.server";

const chunkBytes = 1024;

/** A chunked body of `chunks` chunks of 1 kB, counting how many the reader pulled. */
function chunkedBody(chunks: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled === chunks) return controller.close();
        counter.pulled += 1;
        controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

function post(body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request("http://localhost/upload", { method: "POST", body, headers, duplex: "half" });
}

function multipartRequest(parts: { name: string; value: string; filename?: string }[], boundary = "----circuit-test") {
  const body = parts
    .map(
      (part) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"\r\nContent-Type: text/plain` : ""}\r\n\r\n${part.value}\r\n`,
    )
    .join("");
  return post(`${body}--${boundary}--\r\n`, { "Content-Type": `multipart/form-data; boundary=${boundary}` });
}

describe("readTextBody", () => {
  test("reads a body within the limit, decoding UTF-8 split across chunks", async () => {
    const bytes = new TextEncoder().encode("wipe – klaar ✓");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    expect(await readTextBody(post(stream), 100)).toBe("wipe – klaar ✓");
  });

  test("stops reading a chunked body without Content-Length soon after the limit", async () => {
    const { stream, counter } = chunkedBody(10_000);
    const request = post(stream);
    expect(request.headers.get("Content-Length")).toBeNull();
    await expect(readTextBody(request, 8 * chunkBytes)).rejects.toBeInstanceOf(PayloadTooLargeError);
    // 8 chunks fit, the 9th crosses the limit; a chunk or two may be buffered ahead, never the rest.
    expect(counter.pulled).toBeGreaterThanOrEqual(9);
    expect(counter.pulled).toBeLessThanOrEqual(11);
  });

  test("a body of exactly the limit passes", async () => {
    const { stream } = chunkedBody(8);
    expect((await readTextBody(post(stream), 8 * chunkBytes)).length).toBe(8 * chunkBytes);
  });

  test("a declared Content-Length over the limit is refused before reading", async () => {
    const { stream, counter } = chunkedBody(100);
    await expect(readTextBody(post(stream, { "Content-Length": String(100 * chunkBytes) }), chunkBytes)).rejects.toThrow(
      "The request body is larger than 1 kB.",
    );
    expect(counter.pulled).toBe(0);
  });

  test("readApiTextBody answers a JSON 413", async () => {
    const { stream } = chunkedBody(100);
    const answer = await readApiTextBody(post(stream), 2 * chunkBytes, "log").then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(answer).toBeInstanceOf(Response);
    if (!(answer instanceof Response)) return;
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({ error: { code: "payload_too_large", message: "The log is larger than 2 kB." } });
  });
});

describe("readFormWithLimits", () => {
  const limits = { maxFileBytes: 4 * chunkBytes, maxFieldBytes: 64 };

  test("reads a multipart form with a file and fields", async () => {
    const reading = await readFormWithLimits(
      multipartRequest([
        { name: "intent", value: "upload-log" },
        { name: "log", value: "nwipe log", filename: "nwipe.log" },
      ]),
      limits,
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.formData.get("intent")).toBe("upload-log");
    const file = reading.formData.get("log");
    expect(file).toBeInstanceOf(File);
    expect(file instanceof File ? await file.text() : null).toBe("nwipe log");
  });

  test("refuses a file over its limit, naming it", async () => {
    const reading = await readFormWithLimits(
      multipartRequest([
        { name: "intent", value: "upload-log" },
        { name: "log", value: "x".repeat(4 * chunkBytes + 1), filename: "nwipe.log" },
      ]),
      limits,
    );
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.error.part).toEqual({ kind: "file", name: "log" });
    expect(reading.error.message).toBe('The file "log" is larger than 4 kB.');
  });

  test("refuses an ordinary field over its limit", async () => {
    const reading = await readFormWithLimits(multipartRequest([{ name: "reason", value: "x".repeat(65) }]), limits);
    expect(reading.ok ? null : reading.error.part).toEqual({ kind: "field", name: "reason" });
  });

  test("stops reading a chunked multipart body at the body limit", async () => {
    const boundary = "----circuit-test";
    const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="log"; filename="a.log"\r\n\r\n`);
    const { stream: tail, counter } = chunkedBody(100_000);
    const tailReader = tail.getReader();
    let sentHead = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (!sentHead) {
            sentHead = true;
            return controller.enqueue(head);
          }
          const { done, value } = await tailReader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
      },
      { highWaterMark: 0 },
    );
    const request = post(stream, { "Content-Type": `multipart/form-data; boundary=${boundary}` });
    // A generous file limit: the body limit is what stops it here.
    const reading = await readFormWithLimits(request, { maxFileBytes: 1024 * 1024 * 1024, maxFieldBytes: 64, maxBodyBytes: 16 * chunkBytes });
    expect(reading.ok ? null : reading.error.message).toBe("The request body is larger than 16 kB.");
    expect(counter.pulled).toBeLessThanOrEqual(20);
  });

  test("reads a URL-encoded form, holding its fields to their limit", async () => {
    const urlEncoded = { "Content-Type": "application/x-www-form-urlencoded" };
    const reading = await readFormWithLimits(post("intent=release&reason=Verkeerd+toestel", urlEncoded), limits);
    expect(reading.ok ? Object.fromEntries(reading.formData) : null).toEqual({ intent: "release", reason: "Verkeerd toestel" });
    const tooLong = await readFormWithLimits(post(`reason=${"x".repeat(65)}`, urlEncoded), limits);
    expect(tooLong.ok ? null : tooLong.error.part).toEqual({ kind: "field", name: "reason" });
  });
});

test("the page's message names the log limit in both languages", () => {
  const limit = formatBytes(MAX_LOG_BYTES);
  expect(limit).toBe("5 MB");
  expect(enMessages.errors.upload.fileTooLarge).toContain(limit);
  expect(nlMessages.errors.upload.fileTooLarge).toContain(limit);
});

describe("the body a form may be", () => {
  test.each([["text/plain"], ["application/json"], ["text/plain;charset=UTF-8"], ["multipartish/form-data"]])(
    "a form in %s is refused as an unsupported type, with or without a body",
    async (contentType) => {
      await expect(readFormWithLimits(post("email=a", { "Content-Type": contentType }), { maxFileBytes: 1024, maxFieldBytes: 1024 })).rejects.toBeInstanceOf(
        UnsupportedMediaTypeError,
      );
    },
  );

  test("a form without any Content-Type is refused as an unsupported type", async () => {
    const request = new Request("http://localhost/login", { method: "POST" });
    expect(request.headers.get("Content-Type")).toBeNull();
    await expect(readFormWithLimits(request, { maxFileBytes: 1024, maxFieldBytes: 1024 })).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
  });

  test("the form types are recognised whatever their case and parameters", async () => {
    const reading = await readFormWithLimits(post("lng=en", { "Content-Type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8" }), {
      maxFileBytes: 1024,
      maxFieldBytes: 1024,
    });
    expect(reading.ok ? reading.formData.get("lng") : null).toBe("en");
  });

  test.each([
    ["no boundary", "multipart/form-data", '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'],
    ["a part without headers", "multipart/form-data; boundary=x", "--x\r\n\r\n\r\n--x--"],
    ["a body that ends inside a part", "multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1'],
  ])("broken multipart (%s) is a MalformedBodyError, not a crash", async (_case, contentType, body) => {
    await expect(readFormWithLimits(post(body, { "Content-Type": contentType }), { maxFileBytes: 1024, maxFieldBytes: 1024 })).rejects.toBeInstanceOf(
      MalformedBodyError,
    );
  });

  test("a multipart body without a single part of its boundary is an empty form", async () => {
    const reading = await readFormWithLimits(post("no framing at all", { "Content-Type": "multipart/form-data; boundary=nope" }), {
      maxFileBytes: 1024,
      maxFieldBytes: 1024,
    });
    expect(reading.ok ? [...reading.formData] : null).toEqual([]);
  });
});

/** What a page action's body reading answers: the form's fields, or the status of the thrown page. */
async function pageReading(request: Request): Promise<Record<string, FormDataEntryValue> | number> {
  try {
    return Object.fromEntries(await readForm(request));
  } catch (thrown) {
    const status = thrownStatus(thrown);
    if (status === null) throw thrown;
    return status;
  }
}

describe("readForm, for every page's action", () => {
  test("reads a form within 1 MB", async () => {
    expect(await pageReading(post("email=a%40b.be&password=x", { "Content-Type": "application/x-www-form-urlencoded" }))).toEqual({
      email: "a@b.be",
      password: "x",
    });
  });

  test("answers 413 for a form over 1 MB, also chunked, having read little more than the limit", async () => {
    expect(MAX_FORM_BYTES).toBe(1024 * 1024);
    const declared = post(`email=${"a".repeat(MAX_FORM_BYTES)}`, { "Content-Type": "application/x-www-form-urlencoded" });
    expect(await pageReading(declared)).toBe(413);
    const { stream, counter } = chunkedBody(50 * 1024);
    expect(await pageReading(post(stream, { "Content-Type": "application/x-www-form-urlencoded" }))).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(MAX_FORM_BYTES / chunkBytes + 3);
  });

  test("answers 415 for another type and 400 for broken multipart", async () => {
    expect(await pageReading(post("{}", { "Content-Type": "application/json" }))).toBe(415);
    expect(await pageReading(post("email=a", { "Content-Type": "text/plain" }))).toBe(415);
    expect(await pageReading(post("--x\r\n\r\n\r\n", { "Content-Type": "multipart/form-data" }))).toBe(400);
  });

  test("formBodyRefusal passes on what is not about the body", () => {
    const other = new Error("database is locked");
    expect(() => formBodyRefusal(other)).toThrow(other);
  });
});

describe("readApiJson, for every API body", () => {
  async function apiReading(request: Request): Promise<unknown> {
    try {
      return { body: await readApiJson(request) };
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      return { status: thrown.status, answer: await thrown.json() };
    }
  }

  test("parses JSON in whatever Content-Type it comes", async () => {
    expect(await apiReading(post('{"email":"a@b.be"}', { "Content-Type": "application/json" }))).toEqual({ body: { email: "a@b.be" } });
    expect(await apiReading(post('{"email":"a@b.be"}', { "Content-Type": "text/plain" }))).toEqual({ body: { email: "a@b.be" } });
  });

  test("answers the JSON 400 for what is not JSON, the empty body included", async () => {
    const notJson = { status: 400, answer: { error: { code: "invalid_json", message: "The request body must be a JSON object." } } };
    expect(await apiReading(post("{", { "Content-Type": "application/json" }))).toEqual(notJson);
    expect(await apiReading(new Request("http://localhost/api/v1/tokens", { method: "POST" }))).toEqual(notJson);
  });

  test("answers the JSON 413 past 1 MB, without reading a chunked body to its end", async () => {
    const tooLarge = { status: 413, answer: { error: { code: "payload_too_large", message: "The request body is larger than 1 MB." } } };
    const { stream, counter } = chunkedBody(100 * 1024);
    expect(await apiReading(post(stream, { "Content-Type": "application/json" }))).toEqual(tooLarge);
    expect(counter.pulled).toBeLessThanOrEqual(MAX_JSON_BYTES / chunkBytes + 3);
    expect(await apiReading(post(JSON.stringify({ email: "a".repeat(MAX_JSON_BYTES) }), { "Content-Type": "application/json" }))).toEqual(tooLarge);
  });
});

describe("the shape of a body, before any schema sees it", () => {
  const urlEncoded = { "Content-Type": "application/x-www-form-urlencoded" };

  test("a list position past 999 in a field name is 400 (conform would build a list that long)", async () => {
    expect(await pageReading(post("media[999].serial=A", urlEncoded))).toEqual({ "media[999].serial": "A" });
    for (const name of ["media[1000]", "media[1000000].serial", "media[ 99999999 ]", "a[1][2000]"]) {
      expect(await pageReading(post(`${encodeURIComponent(name)}=v`, urlEncoded)), name).toBe(400);
    }
  });

  test("more than 1000 fields, or a name over 200 characters, is 400", async () => {
    expect(MAX_FORM_FIELDS).toBe(1000);
    const fields = (count: number) => Array.from({ length: count }, (_, index) => `f${index}=1`).join("&");
    expect(Object.keys(await pageReading(post(fields(1000), urlEncoded)))).toHaveLength(1000);
    expect(await pageReading(post(fields(1001), urlEncoded))).toBe(400);
    expect(await pageReading(post(`${"n".repeat(201)}=v`, urlEncoded))).toBe(400);
  });

  test("a JSON body of more than 10,000 values, or nested deeper than 64, is the JSON 413", async () => {
    const answer = async (body: unknown) => {
      try {
        await readApiJson(post(JSON.stringify(body), { "Content-Type": "application/json" }));
        return null;
      } catch (thrown) {
        if (!(thrown instanceof Response)) throw thrown;
        return { status: thrown.status, body: await thrown.json() };
      }
    };
    expect(await answer({ media: Array.from({ length: 9_000 }, () => 1) })).toBeNull();
    expect(await answer({ media: Array.from({ length: 300_000 }, () => ({})) })).toEqual({
      status: 413,
      body: { error: { code: "payload_too_large", message: "The request body holds more than 10000 values." } },
    });
    const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });
    expect(await answer(nested(63))).toBeNull();
    expect((await answer(nested(64)))?.body.error.message).toBe("The request body nests deeper than 64 levels.");
  });

  test("jsonShapeProblem counts every value, keys' values and list items alike", () => {
    expect(jsonShapeProblem(null)).toBeNull();
    expect(jsonShapeProblem({ a: [1, 2, { b: "c" }] })).toBeNull();
    expect(jsonShapeProblem(Array.from({ length: MAX_JSON_VALUES }, () => 0))).toBe("The request body holds more than 10000 values.");
    expect(jsonShapeProblem(Array.from({ length: MAX_JSON_VALUES - 1 }, () => 0))).toBeNull();
  });
});
