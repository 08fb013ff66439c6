// A coordinator confirms several proposals at once. Each pair goes through confirmMatch, so it gets
// its own checks and its own reserve custody event; the batch is one immediate transaction in which
// each pair is a savepoint: a refused pair (the device taken meanwhile, the request full) is rolled
// back alone and reported, the others go through.
import type { UserActor } from "~/domain/lifecycle";
import { confirmMatchesInput, type ConfirmMatchesInput } from "~/forms/matching";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult, type Refusal } from "../command.server";
import { confirmMatch } from "./confirm-match.server";

export { confirmMatchesInput, type ConfirmMatchesInput };

/** What happened to one proposal of the batch. */
export type MatchOutcome = { deviceId: number; requestId: number } & ({ ok: true; matchId: number; assetTag: string } | { ok: false; refusal: Refusal });

export type ConfirmedMatches = { outcomes: MatchOutcome[]; succeeded: number; refused: number };

export function confirmMatches(actor: UserActor, input: ConfirmMatchesInput, options: CommandOptions = {}): CommandResult<ConfirmedMatches> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "match.confirm");
    const now = commandTime(options);
    const seen = new Set<string>();
    const pairs = input.pairs.filter((pair) => {
      const key = `${pair.deviceId}:${pair.requestId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const outcomes = pairs.map((pair): MatchOutcome => {
      const result = confirmMatch(actor, pair, { tx, now });
      if (result.ok) return { ...pair, ok: true, matchId: result.value.matchId, assetTag: result.value.device.assetTag };
      const { ok: _ok, ...refusal } = result;
      return { ...pair, ok: false, refusal };
    });
    const succeeded = outcomes.filter((outcome) => outcome.ok).length;
    return { outcomes, succeeded, refused: outcomes.length - succeeded };
  });
}
