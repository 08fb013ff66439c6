// A coordinator rejects a submitted request, with the reason the requester reads.
import type { UserActor } from "~/domain/lifecycle";
import { rejectRequestInput, type RejectRequestInput } from "~/forms/request";
import type { RequestView } from "~/models/request.server";
import { commandTime, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { reviewRequest } from "./request-review.server";

export { rejectRequestInput, type RejectRequestInput };

export function rejectRequest(actor: UserActor, input: RejectRequestInput, options: CommandOptions = {}): CommandResult<RequestView> {
  return runCommand(options, (tx) =>
    reviewRequest(tx, actor, input.requestId, { status: "rejected", rejectionReason: input.reason.trim() }, commandTime(options)),
  );
}
