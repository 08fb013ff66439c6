// What a technician finds when they open a device, against what its department registered: drives
// added, removed or corrected and specifications corrected, at collection (and specifications again at
// grading). The changes go into the custody event's details, so the chain says who confirmed what.
import type { CustodyDetails } from "./custody";
import type { MediumKind } from "./devices";

/** The specifications a technician checks and may correct: the registration's "Specifications" part. */
export const deviceSpecFields = ["cpu", "ramGb", "storageGb", "screenInches", "keyboardLayout", "batteryHealthPercent", "weightKg"] as const;
export type DeviceSpecField = (typeof deviceSpecFields)[number];

export type SpecValue = string | number | null;
export type DeviceSpecs = Record<DeviceSpecField, SpecValue>;

/** Each corrected field with what was registered and what was found. */
export type SpecCorrections = Partial<Record<DeviceSpecField, { from: SpecValue; to: SpecValue }>>;

export type MediumFacts = { serial: string; kind: MediumKind; capacityGb: number };
export type RegisteredMedium = MediumFacts & { id: number };
/** A drive as the technician confirms it: a registered one by its id (kept or corrected), a new one without. */
export type ConfirmedMedium = MediumFacts & { id?: number | null };

export type MediaChanges = {
  added: MediumFacts[];
  removed: RegisteredMedium[];
  corrected: { id: number; from: MediumFacts; to: MediumFacts }[];
};

function sameValue(a: SpecValue | undefined, b: SpecValue | undefined): boolean {
  const left = typeof a === "string" ? a.trim() : a;
  const right = typeof b === "string" ? b.trim() : b;
  return (left ?? null) === (right ?? null);
}

/** The fields of `found` that differ from what was registered; a field left out of `found` is unchanged. */
export function specCorrections(registered: DeviceSpecs, found: Partial<DeviceSpecs> | undefined): SpecCorrections {
  const corrections: SpecCorrections = {};
  if (!found) return corrections;
  for (const field of deviceSpecFields) {
    if (!(field in found) || found[field] === undefined) continue;
    const to = found[field] ?? null;
    if (!sameValue(registered[field], to)) corrections[field] = { from: registered[field] ?? null, to: typeof to === "string" ? to.trim() : to };
  }
  return corrections;
}

function facts(medium: MediumFacts): MediumFacts {
  return { serial: medium.serial.trim(), kind: medium.kind, capacityGb: medium.capacityGb };
}

function sameMedium(a: MediumFacts, b: MediumFacts): boolean {
  return a.serial.trim() === b.serial.trim() && a.kind === b.kind && a.capacityGb === b.capacityGb;
}

/**
 * The drives confirmed against the registered ones: a registered drive left out was removed, one
 * with other facts corrected, one without id added. Undefined `confirmed`: nothing changes. A confirmed
 * id that is no drive of the device (or named twice) is refused by its position.
 */
export function mediaChanges(
  registered: readonly RegisteredMedium[],
  confirmed: readonly ConfirmedMedium[] | undefined,
): { ok: true; changes: MediaChanges } | { ok: false; unknownAt: number } {
  const changes: MediaChanges = { added: [], removed: [], corrected: [] };
  if (!confirmed) return { ok: true, changes };
  const kept = new Set<number>();
  for (const [index, medium] of confirmed.entries()) {
    if (medium.id === undefined || medium.id === null) {
      changes.added.push(facts(medium));
      continue;
    }
    const before = registered.find((candidate) => candidate.id === medium.id);
    if (!before || kept.has(before.id)) return { ok: false, unknownAt: index };
    kept.add(before.id);
    if (!sameMedium(before, medium)) changes.corrected.push({ id: before.id, from: facts(before), to: facts(medium) });
  }
  changes.removed = registered.filter((medium) => !kept.has(medium.id));
  return { ok: true, changes };
}

/** Whether nothing was added, removed or corrected. */
export function noChanges(media: MediaChanges, specs: SpecCorrections): boolean {
  return media.added.length === 0 && media.removed.length === 0 && media.corrected.length === 0 && Object.keys(specs).length === 0;
}

/**
 * What the custody event records: only the kinds of change that happened, as mediaAdded, mediaRemoved,
 * mediaCorrected ({from, to}) and specsCorrected ({field: {from, to}}); collecting as registered records nothing.
 */
export function correctionDetails(media: MediaChanges | null, specs: SpecCorrections): CustodyDetails {
  const details: CustodyDetails = {};
  if (media && media.added.length > 0) details.mediaAdded = media.added.map(facts);
  if (media && media.removed.length > 0) details.mediaRemoved = media.removed.map(facts);
  if (media && media.corrected.length > 0) details.mediaCorrected = media.corrected.map(({ from, to }) => ({ from: facts(from), to: facts(to) }));
  const corrected = Object.entries(specs).flatMap(([field, change]) => (change ? [[field, { from: change.from, to: change.to }] as const] : []));
  if (corrected.length > 0) details.specsCorrected = Object.fromEntries(corrected);
  return details;
}
