// A coordinator confirms a proposal of the matching engine: the device is reserved for the request.
// Everything is decided and written in one immediate transaction, so of several simultaneous
// confirmations of one device (or of the last open slot of a request) exactly one wins; the others
// read the device as no longer listed, or the request as full.
import type { UserActor } from "~/domain/lifecycle";
import { confirmMatchInput, type ConfirmMatchInput } from "~/forms/matching";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { reserveForRequest, type ConfirmedMatch } from "./match-reservation.server";

export { confirmMatchInput, type ConfirmMatchInput, type ConfirmedMatch };

export function confirmMatch(actor: UserActor, input: ConfirmMatchInput, options: CommandOptions = {}): CommandResult<ConfirmedMatch> {
  return runCommand(options, (tx) => {
    // Reserving is also how an employee's purchase starts; confirming a match is the coordinator's.
    requirePermission(actor, "match.confirm");
    return reserveForRequest(tx, actor, input, { manual: false }, commandTime(options));
  });
}
