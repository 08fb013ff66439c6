// Every date field refuses days that do not exist, with the same message as a malformed date.
import { expect, test } from "vitest";
import { deviceApiSchema } from "./device";
import { isCalendarDate } from "./fields";
import { fileRequestInput } from "./request";
import { wipeRecordFields } from "./wipe";

const impossible = ["2027-02-31", "2027-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-01-32"];

test("a calendar date exists as written", () => {
  for (const day of ["2024-02-29", "2000-02-29", "2025-12-31", "2025-01-01"]) expect(isCalendarDate(day), day).toBe(true);
  for (const day of [...impossible, "1900-02-29", "2025-1-01", "2025-01-01T00:00", ""]) expect(isCalendarDate(day), day).toBe(false);
});

function messagesFor(result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }, field: string): string[] {
  return (result.error?.issues ?? []).filter((issue) => issue.path[0] === field).map((issue) => issue.message);
}

test("a device's purchase date must exist", () => {
  const device = { manufacturer: "Dell", model: "Latitude 5490", type: "laptop" };
  expect(messagesFor(deviceApiSchema.safeParse({ ...device, purchaseDate: "2024-02-29" }), "purchaseDate")).toEqual([]);
  for (const purchaseDate of ["2023-02-29", "2024-04-31", "2024-02-30"]) {
    expect(messagesFor(deviceApiSchema.safeParse({ ...device, purchaseDate }), "purchaseDate"), purchaseDate).toContain("errors.date");
  }
});

test("a request's needed-by date must exist", () => {
  const request = { type: "laptop", quantity: 1, purpose: "Lessen", beneficiaries: 20 };
  expect(messagesFor(fileRequestInput.safeParse({ ...request, neededBy: "2099-12-31" }), "neededBy")).toEqual([]);
  for (const neededBy of ["2099-02-31", "2099-02-29", "2099-06-31"]) {
    expect(messagesFor(fileRequestInput.safeParse({ ...request, neededBy }), "neededBy"), neededBy).toContain("errors.date");
  }
});

test("a wipe's start and finish must be moments on days that exist", () => {
  const fields = wipeRecordFields.pick({ startedAt: true, finishedAt: true });
  expect(fields.safeParse({ startedAt: "2025-02-28T10:00", finishedAt: "2025-03-01T10:00:00Z" }).success).toBe(true);
  for (const moment of ["2025-02-29T10:00", "2025-02-31T10:00", "2025-04-31 09:30", "2027-02-31T10:00:00Z", "2027-02-30T10:00+01:00"]) {
    expect(messagesFor(fields.safeParse({ startedAt: moment }), "startedAt"), moment).toContain("errors.dateTime");
  }
});
