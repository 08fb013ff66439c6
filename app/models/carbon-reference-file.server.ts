// The Boavizta reference file (db/reference/boavizta-data-us.csv), read and indexed once per process.
// No database here: the bench's load-database builder uses it before ~/db.server may connect.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { DeviceType } from "~db/schema";
import {
  buildCarbonReferenceIndex,
  matchCarbon,
  referenceProductFromRecord,
  type CarbonMatch,
  type CarbonReferenceIndex,
  type ReferenceProduct,
} from "~/domain/carbon-reference";

/** Where the file is: the server bundle moves code, so the path is taken from where the app runs. */
export function carbonReferencePath(): string {
  return process.env.CARBON_REFERENCE_PATH ?? path.resolve(process.cwd(), "db/reference/boavizta-data-us.csv");
}

let loaded: CarbonReferenceIndex | null = null;

/** Every product of the file with its numbers read (rows without a total are left out). */
export function carbonReferenceProducts(): ReferenceProduct[] {
  const records: Record<string, string>[] = parse(readFileSync(carbonReferencePath(), "utf8"), { columns: true, skip_empty_lines: true });
  return records.flatMap((record) => referenceProductFromRecord(record) ?? []);
}

export function carbonReferenceIndex(): CarbonReferenceIndex {
  loaded ??= buildCarbonReferenceIndex(carbonReferenceProducts());
  return loaded;
}

/** The device columns that hold its figure, from its make, model and type (all null for a type without one). */
export function carbonColumns(device: { manufacturer: string; model: string; type: DeviceType }) {
  const match: CarbonMatch | null = matchCarbon(carbonReferenceIndex(), device);
  return {
    carbonKgCo2e: match?.kgCo2eEmbodied ?? null,
    carbonSource: match?.source ?? null,
    carbonReference: match?.reference ?? null,
    carbonReferenceUrl: match?.referenceUrl ?? null,
    carbonReferenceWeightKg: match?.weightKg ?? null,
  };
}
