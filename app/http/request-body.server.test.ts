import { describe, expect, test } from "vitest";
import enMessages from "~/i18n/locales/en.json";
import nlMessages from "~/i18n/locales/nl.json";
import { MAX_LOG_BYTES } from "~/commands/wipes/read-wipe-log.server";
import { formatBytes, PayloadTooLargeError, readApiTextBody, readFormWithLimits, readTextBody } from "./request-body.server";

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
