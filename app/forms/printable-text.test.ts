// What certificates and labels print is refused at input when their fonts cannot print it: in the
// form (the same schema runs in the browser), in the API (English) and in every printed field.
import { describe, expect, test } from "vitest";
import { fieldErrorsOf } from "~/api/responses.server";
import { mediumSchema, deviceApiSchema } from "./device";
import { messageParts, messageWithValues, unprintableCharacters } from "./fields";
import { wipeRecordFields } from "./wipe";

const device = { assetTag: "CITY-1", serial: "SN-1", manufacturer: "Dell", model: "Latitude 5490", type: "laptop" };
const wipe = { method: "purge", technique: "overwrite", tool: "nwipe", toolVersion: "0.36", verification: "full", result: "pass" };

type Parsed = { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } };

function messagesAt(result: Parsed, path: string): string[] {
  return (result.error?.issues ?? []).filter((issue) => issue.path.join(".") === path).map((issue) => issue.message);
}

const refusal = (characters: string) => messageWithValues("errors.notPrintableOnCertificate", { characters });

/** Each printed field with the schema that checks it and a valid whole around it. */
const printedFields: [string, (value: string) => Parsed][] = [
  ["assetTag", (value) => deviceApiSchema.safeParse({ ...device, assetTag: value })],
  ["serial", (value) => deviceApiSchema.safeParse({ ...device, serial: value })],
  ["manufacturer", (value) => deviceApiSchema.safeParse({ ...device, manufacturer: value })],
  ["model", (value) => deviceApiSchema.safeParse({ ...device, model: value })],
  ["media.0.serial", (value) => deviceApiSchema.safeParse({ ...device, media: [{ serial: value, kind: "SSD", capacityGb: 256 }] })],
  ["tool", (value) => wipeRecordFields.safeParse({ ...wipe, tool: value })],
  ["toolVersion", (value) => wipeRecordFields.safeParse({ ...wipe, toolVersion: value })],
  ["notes", (value) => wipeRecordFields.safeParse({ ...wipe, notes: value })],
];

describe("fields printed on certificates and labels", () => {
  test.each(printedFields)("%s takes Latin Extended, Greek and Cyrillic", (path, parse) => {
    for (const value of ["Şahin ş", "Ωmega Ω", "Жуков Ж", "Café é", "Łódź Ørsted Straße", "Intel® Core™ i5 — 2,5 GHz"]) {
      expect(messagesAt(parse(value), path), value).toEqual([]);
    }
  });

  test.each(printedFields)("%s refuses Chinese and emoji, naming the characters", (path, parse) => {
    expect(messagesAt(parse("漢字"), path)).toEqual([refusal("漢 字")]);
    expect(messagesAt(parse("Serial 😀"), path)).toEqual([refusal("😀")]);
    expect(messagesAt(parse("שלום"), path)).toEqual([refusal("ש ל ו ם")]);
  });

  test.each(printedFields)("%s refuses a lone surrogate as a broken character, once", (path, parse) => {
    expect(messagesAt(parse("SN-\ud800"), path)).toEqual(["errors.brokenCharacter"]);
  });

  test("invisible characters are named by their code point; more than ten are cut short", () => {
    expect(messagesAt(deviceApiSchema.safeParse({ ...device, serial: "SN\u200b1" }), "serial")).toEqual([refusal("U+200B")]);
    expect(messagesAt(deviceApiSchema.safeParse({ ...device, serial: "SN\n1" }), "serial")).toEqual([refusal("U+000A")]);
    expect(messagesAt(deviceApiSchema.safeParse({ ...device, model: "一二三四五六七八九十百" }), "model")).toEqual([
      refusal("一 二 三 四 五 六 七 八 九 十 …"),
    ]);
  });

  test("notes may hold line breaks from a text area; serial numbers may not", () => {
    expect(messagesAt(wipeRecordFields.safeParse({ ...wipe, notes: "Pass 1 ok\r\nPass 2 ok\tverified" }), "notes")).toEqual([]);
    expect(unprintableCharacters("a\r\nb\tc")).toEqual(["\r", "\n", "\t"]);
    expect(unprintableCharacters("a\r\nb\tc", { multiline: true })).toEqual([]);
  });

  test("fields that are not printed are left alone", () => {
    expect(messagesAt(deviceApiSchema.safeParse({ ...device, cpu: "龙芯 3A5000" }), "cpu")).toEqual([]);
    expect(mediumSchema.safeParse({ serial: "Жуков-1", kind: "SSD", capacityGb: 1 }).success).toBe(true);
  });

  test("the API names the characters in English", () => {
    const parsed = deviceApiSchema.safeParse({ ...device, model: "漢字 Pro" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsOf(parsed.error)).toEqual({
      model: ["Contains characters that cannot be printed on a certificate or label: 漢 字. Use Latin, Greek or Cyrillic letters, digits and punctuation."],
    });
  });
});

describe("a field error with values", () => {
  test("travels as one string and comes apart again", () => {
    expect(messageParts(messageWithValues("errors.notPrintableOnCertificate", { characters: "漢 {x}" }))).toEqual({
      key: "errors.notPrintableOnCertificate",
      values: { characters: "漢 {x}" },
    });
  });

  test("a plain key, or text that only looks like one with values, is kept whole", () => {
    expect(messageParts("errors.required")).toEqual({ key: "errors.required", values: {} });
    expect(messageParts("errors.x {not json")).toEqual({ key: "errors.x {not json", values: {} });
    expect(messageParts('errors.x {"count":3}')).toEqual({ key: 'errors.x {"count":3}', values: {} });
  });
});
