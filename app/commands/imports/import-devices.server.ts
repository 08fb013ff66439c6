// Registers a city's inventory file: every good row in ONE transaction, each through the registration's
// own model write (one custody `register` event per device), or nothing. Rows are matched by asset tag,
// then serial: an identical device is counted as unchanged, a different one is shown as a difference and
// applied only while the device is still `registered` and the user asked to update. A dry run writes nothing.
import { z } from "zod";
import { isUniqueViolation } from "~/db.server";
import { headersKey } from "~/domain/device-import/columns";
import { CsvFormatError, parseCsv } from "~/domain/device-import/parse";
import { interpretImport, type FieldMessages, type ImportChoices, type ImportedDevice, type ImportInterpretation } from "~/domain/device-import/rows";
import { dateOrders } from "~/domain/device-import/values";
import { decideTransition, mayEditRegistration, registrationDepartment, type UserActor } from "~/domain/lifecycle";
import { messageWithValues } from "~/forms/fields";
import {
  existingDevices,
  getDeviceImport,
  markImportCommitted,
  rememberColumns,
  rememberedColumns,
  writeDeviceNotes,
  type ExistingDevice,
} from "~/models/device-import.server";
import { insertRegisteredDevice, isApprovedDepartment, type DeviceInput } from "~/models/device.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { editRegistration } from "../devices/edit-registration.server";
import { freeAssetTag } from "../devices/register-device.server";

/** The largest file the page, the API and the CLI take: about 100,000 rows. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const textRecord = z.record(z.string(), z.string().max(200)).refine((record) => Object.keys(record).length <= 500, "errors.tooMany");

export const importChoicesSchema = z.object({
  columns: textRecord.optional(),
  categories: textRecord.optional(),
  dateOrder: z.enum(dateOrders).optional(),
  update: z.boolean().optional(),
});

export const importDevicesInput = importChoicesSchema.extend({
  /** An upload kept by the page between preview and commit… */
  importId: z.number().int().positive().optional(),
  /** …or the file's text itself (the API and the CLI). */
  csv: z.string().max(MAX_IMPORT_BYTES, "errors.tooLong").optional(),
  departmentId: z.number().int().positive().optional(),
  dryRun: z.boolean().default(false),
});
export type ImportDevicesInput = z.input<typeof importDevicesInput>;

/** The API's body: the file's text is required there (the page's uploads are kept by id). */
export const importDevicesApiInput = importDevicesInput
  .omit({ importId: true })
  .extend({ csv: z.string({ required_error: "errors.required" }).max(MAX_IMPORT_BYTES, "errors.tooLong") });

export const importRowStatuses = ["created", "unchanged", "updated", "different", "refused"] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];

export type ImportRowResult = {
  line: number;
  status: ImportRowStatus;
  /** What Circuit read from the row (and the device's id once it exists). */
  device?: ImportedDevice & { id?: number };
  /** The row's cells by field, for a row Circuit could not read into a device. */
  values?: Record<string, string>;
  /** Why the row is refused, or how it differs from the device already registered: translation keys per field. */
  fields?: FieldMessages;
};

export type ImportOutcome = {
  dryRun: boolean;
  departmentId: number;
  created: number;
  unchanged: number;
  updated: number;
  refused: number;
  rows: ImportRowResult[];
  interpretation: Omit<ImportInterpretation, "rows">;
  choices: ImportChoices & { update?: boolean };
};

export type ImportProgress = (done: number, total: number) => void;

/** The fields compared with a registered device: a file that leaves one out does not make a difference. */
const comparedFields = [
  "serial",
  "manufacturer",
  "model",
  "type",
  "cpu",
  "ramGb",
  "storageGb",
  "screenInches",
  "keyboardLayout",
  "batteryHealthPercent",
  "weightKg",
  "conditionNotes",
  "purchaseDate",
  "purchasePriceCents",
  "notes",
] as const;

function differences(device: ImportedDevice, existing: ExistingDevice): FieldMessages {
  const fields: FieldMessages = {};
  for (const field of comparedFields) {
    const value = device[field];
    if (value === null || value === undefined) continue;
    const stored = existing[field];
    if (value !== stored) {
      fields[field === "purchasePriceCents" ? "purchasePrice" : field === "type" ? "category" : field] = [
        messageWithValues("errors.import.differs", { stored: stored === null ? "—" : String(stored) }),
      ];
    }
  }
  const mediaSerials = device.media.map((medium) => medium.serial).sort();
  if (mediaSerials.length > 0 && mediaSerials.join("\n") !== [...existing.mediaSerials].sort().join("\n")) {
    fields.mediumSerial = [messageWithValues("errors.import.differs", { stored: existing.mediaSerials.join(", ") || "—" })];
  }
  return fields;
}

/** The stored device with the file's values over it (what the file leaves out stays as it is). */
function mergedRegistration(device: ImportedDevice, existing: ExistingDevice): DeviceInput & { deviceId: number; notes: string | null } {
  const pick = <Value>(value: Value | null | undefined, stored: Value) => (value === null || value === undefined ? stored : value);
  return {
    deviceId: existing.id,
    assetTag: existing.assetTag,
    serial: device.serial,
    manufacturer: device.manufacturer,
    model: device.model,
    type: device.type,
    cpu: pick(device.cpu, existing.cpu),
    ramGb: pick(device.ramGb, existing.ramGb),
    storageGb: pick(device.storageGb, existing.storageGb),
    screenInches: pick(device.screenInches, existing.screenInches),
    keyboardLayout: pick(device.keyboardLayout, existing.keyboardLayout),
    batteryHealthPercent: pick(device.batteryHealthPercent, existing.batteryHealthPercent),
    weightKg: pick(device.weightKg, existing.weightKg),
    conditionNotes: pick(device.conditionNotes, existing.conditionNotes),
    purchaseDate: pick(device.purchaseDate, existing.purchaseDate),
    purchasePriceCents: pick(device.purchasePriceCents, existing.purchasePriceCents),
    media: device.media.length > 0 ? device.media : [],
    notes: pick(device.notes, existing.notes),
  };
}

export function importDevices(
  actor: UserActor,
  input: ImportDevicesInput,
  options: CommandOptions & {
    onProgress?: ImportProgress;
    /** "problems": keep only refused and differing rows in the result (the CLI's 100,000 rows). */ keepRows?: "all" | "problems";
  } = {},
): CommandResult<ImportOutcome> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.register");
    const now = commandTime(options);
    const stored = input.importId === undefined ? null : (getDeviceImport(input.importId, tx) ?? refuse({ reason: "not-found", entity: "import" }));
    if (stored && !mayEditRegistration(actor, stored.departmentId)) refuse({ reason: "out-of-scope" });
    const departmentId = stored
      ? stored.departmentId
      : (registrationDepartment(actor, input.departmentId) ?? refuse({ reason: "invalid-input", fields: { departmentId: ["errors.choose"] } }));
    const decision = decideTransition({ status: null, owningDepartmentId: departmentId, holder: null }, { action: "register" }, actor);
    if (!decision.ok) {
      const { ok: _ok, ...refusal } = decision;
      if (refusal.reason === "missing-detail") refuse({ reason: "invalid-input", fields: { [refusal.field]: ["errors.required"] } });
      refuse(refusal);
    }
    if (!isApprovedDepartment(departmentId, tx)) refuse({ reason: "invalid-input", fields: { departmentId: ["errors.choose"] } });
    if (stored?.status === "committed") refuse({ reason: "import-committed" });

    const savedChoices = stored ? importChoicesSchema.catch({}).parse(JSON.parse(stored.choices)) : {};
    const choices = {
      columns: { ...savedChoices.columns, ...input.columns },
      categories: { ...savedChoices.categories, ...input.categories },
      dateOrder: input.dateOrder ?? savedChoices.dateOrder,
      update: input.update ?? savedChoices.update ?? false,
    };
    const csv = stored?.csvText ?? input.csv ?? refuse({ reason: "invalid-input", fields: { csv: ["errors.required"] } });
    let table;
    try {
      table = parseCsv(csv);
    } catch (error) {
      if (error instanceof CsvFormatError) refuse({ reason: "import-unreadable", line: error.line });
      throw error;
    }
    const key = headersKey(table.headers);
    const { rows, ...interpretation } = interpretImport(table, choices, rememberedColumns(key, tx));
    if (interpretation.missingSerialColumn) refuse({ reason: "import-missing-column", column: "serial" });

    const readable = rows.filter((row) => row.device !== null);
    const { byAssetTag, bySerial } = existingDevices(
      readable.flatMap((row) => (row.device?.assetTag ? [row.device.assetTag] : [])),
      readable.flatMap((row) => (row.device ? [row.device.serial] : [])),
      tx,
    );
    const inScope = (device: ExistingDevice) => mayEditRegistration(actor, device.departmentId);
    const kept: ImportRowResult[] = [];
    const results = {
      push(row: ImportRowResult) {
        if (options.keepRows !== "problems" || row.status === "refused" || row.status === "different") kept.push(row);
      },
    };
    const counts = { created: 0, unchanged: 0, updated: 0, refused: 0 };
    let done = 0;
    for (const row of rows) {
      done += 1;
      if (done % 1000 === 0) options.onProgress?.(done, rows.length);
      const device = row.device;
      if (!device) {
        counts.refused += 1;
        results.push({ line: row.line, status: "refused", values: row.values, fields: row.fields });
        continue;
      }
      const byTag = device.assetTag ? byAssetTag.get(device.assetTag) : undefined;
      const bySerialMatch = bySerial.get(device.serial);
      const existing = byTag ?? bySerialMatch;
      if (existing) {
        if (!inScope(existing)) {
          counts.refused += 1;
          results.push({
            line: row.line,
            status: "refused",
            device,
            fields: { [byTag ? "assetTag" : "serial"]: [`errors.duplicate.${byTag ? "assetTag" : "serial"}`] },
          });
          continue;
        }
        // A serial that belongs to another device than the asset tag's is a real conflict.
        if (byTag && bySerialMatch && bySerialMatch.id !== byTag.id) {
          counts.refused += 1;
          results.push({ line: row.line, status: "refused", device, fields: { serial: ["errors.duplicate.serial"] } });
          continue;
        }
        const differing = differences(device, existing);
        if (Object.keys(differing).length === 0) {
          counts.unchanged += 1;
          results.push({ line: row.line, status: "unchanged", device: { ...device, id: existing.id } });
          continue;
        }
        if (!choices.update || existing.status !== "registered") {
          counts.refused += 1;
          const why =
            existing.status === "registered"
              ? differing
              : { ...differing, status: [messageWithValues("errors.import.notRegistered", { status: existing.status })] };
          results.push({ line: row.line, status: "different", device: { ...device, id: existing.id }, fields: why });
          continue;
        }
        if (!input.dryRun) {
          const merged = mergedRegistration(device, existing);
          const edited = editRegistration(actor, merged, { tx, now });
          if (!edited.ok) {
            counts.refused += 1;
            results.push({
              line: row.line,
              status: "refused",
              device,
              fields: edited.reason === "duplicate" ? edited.fields : { row: ["errors.import.notApplied"] },
            });
            continue;
          }
          writeDeviceNotes(tx, existing.id, merged.notes);
        }
        counts.updated += 1;
        results.push({ line: row.line, status: "updated", device: { ...device, id: existing.id }, fields: differing });
        continue;
      }
      let id: number | undefined;
      if (!input.dryRun) {
        const registration: DeviceInput = { ...device, assetTag: device.assetTag ?? freeAssetTag(tx) };
        try {
          // A savepoint only where a drive could clash after the device is written.
          const write = () => insertRegisteredDevice(tx, registration, departmentId, actor, decision.event, now);
          id = registration.media.length > 0 ? tx.transaction(() => write()) : write();
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          counts.refused += 1;
          results.push({ line: row.line, status: "refused", device, fields: { row: ["errors.import.notApplied"] } });
          continue;
        }
        if (device.notes) writeDeviceNotes(tx, id, device.notes);
        device.assetTag = registration.assetTag;
      }
      counts.created += 1;
      results.push({ line: row.line, status: "created", device: id === undefined ? device : { ...device, id } });
    }
    options.onProgress?.(rows.length, rows.length);
    const outcome: ImportOutcome = { dryRun: input.dryRun ?? false, departmentId, ...counts, rows: kept, interpretation, choices };
    if (!input.dryRun) {
      const columns = Object.fromEntries(
        interpretation.columns.flatMap((column) => (column.choice && column.source !== "holder" ? [[column.header, column.choice]] : [])),
      );
      rememberColumns(tx, key, columns, actor.userId, now);
      if (stored) {
        const refusedRows = kept.filter((row) => row.status === "refused" || row.status === "different").map(({ line, fields }) => ({ line, fields }));
        if (!markImportCommitted(tx, stored.id, choices, { ...counts, refusedRows }, now)) refuse({ reason: "import-committed" });
      }
    }
    return outcome;
  });
}
