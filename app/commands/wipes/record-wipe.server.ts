// A technician records one sanitization attempt (NIST SP 800-88) on one storage medium of a collected
// device: typed by hand, or a draft read from an nwipe log and reviewed. A second technician validates it.
import { z } from "zod";
import { wipeRecords } from "~db/schema";
import { wipeRecordViolations } from "~/domain/wipes";
import type { UserActor } from "~/domain/lifecycle";
import { addWipeRuleIssues, wipeRecordFields } from "~/forms/wipe";
import { notifyRoleInApp } from "~/models/notification.server";
import { getWipeRecord, mediumOfDevice, type WipeRecordView } from "~/models/wipe.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice } from "../devices/device-transition.server";
import type { FieldErrors } from "../refusals";

/** The form's fields and rules (app/forms/wipe.ts), and which medium of which device was wiped. */
export const recordWipeInput = wipeRecordFields
  .extend({ deviceId: z.number().int().positive(), mediumId: z.number().int().positive() })
  .superRefine(addWipeRuleIssues);

type ParsedRecordWipeInput = z.output<typeof recordWipeInput>;
type OptionalField = "rounds" | "samplePercent" | "startedAt" | "finishedAt" | "notes" | "source" | "logExcerpt";
/** What the schema gives, with the fields it fills with null (or "manual") left optional for other callers (the seed, tests). */
export type RecordWipeInput = Omit<ParsedRecordWipeInput, OptionalField> & Partial<Pick<ParsedRecordWipeInput, OptionalField>>;
/** One wipe record's own fields, without the device and medium it is about. */
export type WipeRecordFields = Omit<RecordWipeInput, "deviceId" | "mediumId">;

export function recordWipe(actor: UserActor, input: RecordWipeInput, options: CommandOptions = {}): CommandResult<WipeRecordView> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "wipe.record");
    const device = requireDevice(tx, input.deviceId, actor);
    const medium = mediumOfDevice(device.row.id, input.mediumId, tx) ?? refuse({ reason: "not-found", entity: "medium" });
    if (device.row.status !== "collected") refuse({ reason: "invalid-state", status: device.row.status });
    // The schema applies the same rules; callers that do not parse (the seed, an import) meet them here.
    const violations = wipeRecordViolations(input);
    if (violations.length > 0) {
      const fields: FieldErrors = {};
      for (const violation of violations) (fields[violation.field] ??= []).push(violation.message);
      refuse({ reason: "invalid-input", fields });
    }
    const row = tx
      .insert(wipeRecords)
      .values({
        deviceId: device.row.id,
        mediumId: medium.id,
        method: input.method,
        technique: input.technique,
        rounds: input.rounds ?? null,
        tool: input.tool.trim(),
        toolVersion: input.toolVersion.trim(),
        verification: input.verification,
        samplePercent: input.samplePercent ?? null,
        result: input.result,
        startedAt: input.startedAt == null ? null : new Date(input.startedAt),
        finishedAt: input.finishedAt == null ? null : new Date(input.finishedAt),
        notes: input.notes?.trim() || null,
        source: input.source ?? "manual",
        // Only a record drafted from a log has its lines.
        logExcerpt: input.source === "nwipe-log" ? (input.logExcerpt ?? null) : null,
        performedById: actor.userId,
        recordedAt: new Date(commandTime(options)),
      })
      .returning({ id: wipeRecords.id })
      .get();
    // A passing record waits for a second technician: tell the others (a failed one is never validated).
    if (input.result === "pass") {
      notifyRoleInApp("technician", "wipeAwaitsValidation", { assetTag: device.row.assetTag }, `/devices/${device.row.id}`, { exceptUserId: actor.userId }, tx);
    }
    return getWipeRecord(row.id, tx)!;
  });
}
