// A coordinator approves a submitted request with a need priority (0–100, by the published rubric).
// When the requester answered the rubric, its computed priority is the proposal: a different one
// needs a reason, which is kept with the request.
import type { UserActor } from "~/domain/lifecycle";
import { approveRequestInput, type ApproveRequestInput } from "~/forms/request";
import { getRequest, type RequestView } from "~/models/request.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { reviewRequest } from "./request-review.server";

export { approveRequestInput, type ApproveRequestInput };

export function approveRequest(actor: UserActor, input: ApproveRequestInput, options: CommandOptions = {}): CommandResult<RequestView> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "request.review");
    const reason = input.priorityReason?.trim() || null;
    const rubricPriority = getRequest(input.requestId, tx)?.rubricPriority ?? null;
    if (rubricPriority !== null && input.priority !== rubricPriority && reason === null) {
      refuse({ reason: "invalid-input", fields: { priorityReason: ["errors.request.priorityReasonRequired"] } });
    }
    return reviewRequest(tx, actor, input.requestId, { status: "approved", priority: input.priority, priorityReason: reason }, commandTime(options));
  });
}
