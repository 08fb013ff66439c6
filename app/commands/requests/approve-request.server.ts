// A coordinator approves a submitted request with a need priority (0–100, by the published rubric).
import type { UserActor } from "~/domain/lifecycle";
import { approveRequestInput, type ApproveRequestInput } from "~/forms/request";
import type { RequestView } from "~/models/request.server";
import { commandTime, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { reviewRequest } from "./request-review.server";

export { approveRequestInput, type ApproveRequestInput };

export function approveRequest(actor: UserActor, input: ApproveRequestInput, options: CommandOptions = {}): CommandResult<RequestView> {
  return runCommand(options, (tx) => reviewRequest(tx, actor, input.requestId, { status: "approved", priority: input.priority }, commandTime(options)));
}
