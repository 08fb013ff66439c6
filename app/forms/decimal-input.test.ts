// Numbers typed the Dutch way (decimal comma, dots between thousands) mean what they say, in every form.
import { parseWithZod } from "@conform-to/zod";
import { expect, test } from "vitest";
import { deviceApiSchema, deviceFormSchema } from "./device";
import { normalizeDecimalText } from "./fields";

test.each([
  ["14,5", "14.5"],
  ["14.5", "14.5"],
  ["1.049,50", "1049.50"],
  ["1,049.50", "1049.50"],
  ["€ 1049", "1049"],
  ["€1.049,00", "1049.00"],
  ["1.000.000", "1000000"],
  ["1,000,000", "1000000"],
  [" 2,3 ", "2.3"],
  ["abc", "abc"],
])("%j is read as %j", (typed, read) => {
  expect(normalizeDecimalText(typed)).toBe(read);
});

test("numbers that are already numbers pass unchanged", () => {
  expect(normalizeDecimalText(14.5)).toBe(14.5);
  expect(normalizeDecimalText(undefined)).toBeUndefined();
});

function formOf(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries({ assetTag: "A-1", serial: "S-1", manufacturer: "Dell", model: "Latitude", type: "laptop", ...fields })) {
    formData.set(name, value);
  }
  return formData;
}

test("the device form takes decimal commas for screen, weight and price", () => {
  const submission = parseWithZod(formOf({ screenInches: "14,5", weightKg: "1,62", purchasePriceEuros: "1.049,99", ramGb: "8" }), { schema: deviceFormSchema });
  expect(submission.status).toBe("success");
  if (submission.status !== "success") return;
  expect(submission.value).toMatchObject({ screenInches: 14.5, weightKg: 1.62, purchasePriceCents: 104_999, ramGb: 8 });
});

test("a whole-number field still refuses a fraction, and text is still not a number", () => {
  const submission = parseWithZod(formOf({ ramGb: "8,5", screenInches: "veertien" }), { schema: deviceFormSchema });
  expect(submission.status).toBe("error");
  const { error } = submission.reply();
  expect(error?.ramGb).toEqual(["errors.wholeNumber"]);
  expect(error?.screenInches).toEqual(["errors.number"]);
});

test("the API takes JSON numbers and refuses numbers sent as text, as before", () => {
  const device = { assetTag: "A-1", serial: "S-1", manufacturer: "Dell", model: "Latitude", type: "laptop" };
  expect(deviceApiSchema.safeParse({ ...device, screenInches: 14.5 }).success).toBe(true);
  expect(deviceApiSchema.safeParse({ ...device, screenInches: "14,5" }).success).toBe(false);
});
