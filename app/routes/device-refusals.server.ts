// Turning a refused device operation into a form answer: a message next to the right field, or
// for the whole form, in the reader's language (the messages are translation keys).
import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { DeviceMutationResult } from "~/models/device.server";

type Refusal = Extract<DeviceMutationResult, { ok: false }>;

export function deviceRefusalReply<Output>(submission: Submission<Record<string, unknown>, string[], Output>, refusal: Refusal) {
  if (refusal.reason === "duplicate") {
    const fieldErrors = Object.fromEntries(refusal.fields.map((field) => [field, [`errors.duplicate.${field}`]]));
    return data(submission.reply({ fieldErrors }), { status: 409 });
  }
  if (refusal.reason === "unknown-department") return data(submission.reply({ fieldErrors: { departmentId: ["errors.choose"] } }), { status: 400 });
  if (refusal.reason === "missing-detail") return data(submission.reply({ fieldErrors: { [refusal.field]: ["errors.required"] } }), { status: 400 });
  return data(submission.reply({ formErrors: [`errors.device.${refusal.reason}`] }), { status: refusalStatus(refusal.reason) });
}

/** The HTTP status of a refused device operation: not found, not allowed, or not now. */
export function refusalStatus(reason: string): 404 | 403 | 409 {
  if (reason === "not-found") return 404;
  if (reason === "forbidden" || reason.startsWith("not-own")) return 403;
  return 409;
}
