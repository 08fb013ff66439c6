// A coordinator chooses, by hand, another fitting device for a request than the one the engine
// proposed: the device is reserved like a confirmed proposal, and the match is marked as a manual
// choice with the coordinator's reason (optional). Only a device the engine's hard constraints
// accept for the request can be chosen.
import type { UserActor } from "~/domain/lifecycle";
import { chooseMatchInput, type ChooseMatchInput } from "~/forms/matching";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { reserveForRequest, type ConfirmedMatch } from "./match-reservation.server";

export { chooseMatchInput, type ChooseMatchInput };

export function chooseMatch(actor: UserActor, input: ChooseMatchInput, options: CommandOptions = {}): CommandResult<ConfirmedMatch> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "match.confirm");
    const reason = input.reason.trim();
    return reserveForRequest(tx, actor, input, { manual: true, reason: reason === "" ? null : reason }, commandTime(options));
  });
}
