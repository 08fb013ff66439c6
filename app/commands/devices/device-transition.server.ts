// The steps every device command shares: find the device in the actor's scope, let the lifecycle
// decide, and write the decision with its custody event — all inside the command's transaction.
import type { CircuitDatabase } from "~/db.server";
import { decideTransition, type CustodyEventDraft, type LifecycleActor, type TransitionInput } from "~/domain/lifecycle";
import { deviceInScope, deviceScopeOf } from "~/domain/scope";
import { deviceFactsIn, writeTransition, type DeviceRecord, type DeviceSpecColumns } from "~/models/device.server";
import { refuse } from "../command.server";

export type DeviceInTransaction = NonNullable<ReturnType<typeof deviceFactsIn>>;

/** The device, read in the transaction; refuses when it does not exist or is outside the actor's scope. */
export function requireDevice(tx: CircuitDatabase, deviceId: number, actor: LifecycleActor): DeviceInTransaction {
  const device = deviceFactsIn(tx, deviceId);
  if (!device) refuse({ reason: "not-found", entity: "device" });
  if (actor.kind === "user") {
    const scoped = { departmentId: device.row.departmentId, holder: device.facts.holder, reservedFor: device.facts.reservedFor };
    if (!deviceInScope(scoped, deviceScopeOf(actor))) refuse({ reason: "out-of-scope" });
  }
  return device;
}

/** Decides the transition and writes it; refuses with the lifecycle's reason, or a conflict when another writer was first. */
export function transitionDevice(
  tx: CircuitDatabase,
  device: DeviceInTransaction,
  input: TransitionInput,
  actor: LifecycleActor,
  now: number,
  extraColumns: Partial<Pick<DeviceRecord, "conditionGrade"> & DeviceSpecColumns> = {},
): CustodyEventDraft {
  const decision = decideTransition(device.facts, input, actor);
  if (!decision.ok) {
    const { ok: _ok, ...refusal } = decision;
    if (refusal.reason === "missing-detail") refuse({ reason: "invalid-input", fields: { [refusal.field]: ["errors.required"] } });
    refuse(refusal);
  }
  if (!writeTransition(tx, device.row.id, decision, actor, now, extraColumns)) refuse({ reason: "conflict" });
  return decision.event;
}
