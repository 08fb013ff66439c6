// What every command shares: who acts, how it refuses, and the one immediate transaction it runs in.
// A command takes the actor, its parsed input and options (a transaction to join, the time), asks the
// permission table and the lifecycle itself, reads its facts and writes everything inside one
// transaction, and returns a typed result or a refusal from app/commands/refusals.ts.
import { db, type CircuitDatabase } from "~/db.server";
import type { LifecycleActor, UserActor } from "~/domain/lifecycle";
import { can, type PermissionAction } from "~/domain/permissions";
import type { Refusal } from "./refusals";

export type { Refusal } from "./refusals";

export type CommandOptions = {
  /** Join this transaction (a savepoint inside it) instead of starting one: an import runs many commands in one. */
  tx?: CircuitDatabase;
  /** The time the command acts at (epoch ms); tests pass it, everyone else takes now. */
  now?: number;
};

export type CommandResult<Value> = { ok: true; value: Value } | ({ ok: false } & Refusal);

/** Thrown inside a command's transaction to roll it back and answer with a refusal. */
class CommandRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(`Command refused: ${refusal.reason}`);
  }
}

/** Refuses from inside `runCommand`: everything the command wrote so far is rolled back. */
export function refuse(refusal: Refusal): never {
  throw new CommandRefusal(refusal);
}

/** Refuses unless the permission table lets the actor take the action. */
export function requirePermission(actor: LifecycleActor, action: PermissionAction): asserts actor is UserActor {
  if (actor.kind !== "user" || !can({ role: actor.role, organizationStatus: actor.organizationStatus }, action)) refuse({ reason: "forbidden" });
}

/**
 * Runs a command's work in one immediate transaction (or in a savepoint of the caller's), so its
 * facts are read and its writes made with no other writer in between. The work must be synchronous:
 * better-sqlite3 does not roll back an async callback. A `refuse()` inside rolls everything back.
 */
export function runCommand<Value>(options: CommandOptions, work: (tx: CircuitDatabase) => Value): CommandResult<Value> {
  try {
    const value = options.tx ? options.tx.transaction((tx) => work(tx)) : db.transaction((tx) => work(tx), { behavior: "immediate" });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof CommandRefusal) return { ok: false, ...error.refusal };
    throw error;
  }
}

export function commandTime(options: CommandOptions): number {
  return options.now ?? Date.now();
}
