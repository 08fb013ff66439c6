// The inputs of the device list's bulk actions (collect several, grade and list several with one
// grade): the commands in app/commands/devices/bulk-transition.server.ts take them as their input.
import { z } from "zod";
import { conditionGrades } from "~/domain/lifecycle";

/** At most this many devices per bulk action: four pages of the device list. */
export const MAX_BULK_DEVICES = 100;

const deviceIds = z
  .array(z.number({ invalid_type_error: "errors.chooseDevices" }).int("errors.chooseDevices").positive("errors.chooseDevices"), {
    required_error: "errors.chooseDevices",
  })
  .min(1, "errors.chooseDevices")
  .max(MAX_BULK_DEVICES, "errors.tooManyDevices");

export const bulkCollectInput = z.object({ deviceIds });
export type BulkCollectInput = z.infer<typeof bulkCollectInput>;

export const bulkListInput = z.object({
  deviceIds,
  grade: z.enum(conditionGrades, { required_error: "errors.chooseGrade", invalid_type_error: "errors.chooseGrade" }),
});
export type BulkListInput = z.infer<typeof bulkListInput>;

/**
 * The ids a form sends: one `ids` field per ticked row, and the "select all on this page" box sends
 * the page's ids comma-separated (so it works without JavaScript). Anything that is not a number is
 * kept as NaN, for the schema to refuse.
 */
export function selectedDeviceIds(values: readonly unknown[]): number[] {
  const ids = values.flatMap((value) => (typeof value === "string" ? value.split(",") : [])).filter((part) => part.trim() !== "");
  return [...new Set(ids.map((part) => (/^\d+$/.test(part.trim()) ? Number(part.trim()) : Number.NaN)))];
}
