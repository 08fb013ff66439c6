// The pickup forms, shared by the browser and the commands: the technician puts a request's reserved
// devices out for pickup (place and time window), the recipient types the code given at the counter.
import { z } from "zod";
import { parseMoment } from "~/i18n/format";
import { isCalendarDate, printableText, requiredText } from "./fields";

const id = z.number({ required_error: "errors.required", invalid_type_error: "errors.number" }).int().positive();

/** The devices one submission is about: at least one, each once. */
const deviceIds = z
  .array(id, { required_error: "errors.chooseDevice", invalid_type_error: "errors.chooseDevice" })
  .min(1, "errors.chooseDevice")
  .max(50, "errors.tooMany")
  .transform((ids) => [...new Set(ids)]);

/** A moment typed in a datetime-local field (Brussels time) or as ISO 8601 with its zone, as epoch ms. */
const moment = z.string({ required_error: "errors.dateTime", invalid_type_error: "errors.dateTime" }).transform((value, context) => {
  const parsed = parseMoment(value);
  const writtenDate = /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0];
  if (parsed === null || (writtenDate !== undefined && !isCalendarDate(writtenDate))) {
    context.addIssue({ code: "custom", message: "errors.dateTime" });
    return z.NEVER;
  }
  return parsed;
});

/** The technician's form on the device page: which of the request's reserved devices, where, and when. */
export const preparePickupForm = z.object({
  deviceIds,
  pickupLocation: requiredText(500),
  pickupFrom: moment,
  pickupUntil: moment,
});

export const preparePickupInput = preparePickupForm.extend({ requestId: id });
export type PreparePickupInput = z.infer<typeof preparePickupInput>;

/** What the recipient types at the counter: the code, and the name of whoever takes the devices (printed on the receipt). */
export const pickupCodeField = z
  .string({ required_error: "errors.required", invalid_type_error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(20, "errors.wrongPickupCode");

export const signHandoverInput = z.object({ deviceIds, pickupCode: pickupCodeField, signedBy: printableText(120) });
export type SignHandoverInput = z.infer<typeof signHandoverInput>;

/** The recipient's form on their home page: the same fields, sent together for the request's devices ready for pickup. */
export const pickupCodeForm = signHandoverInput.extend({ requestId: id });
