// The catalogue ("Aanbod"): which listed devices are alike enough to share one card, how many approved
// requests wait for a card's devices (by the matching engine's own feasibility test), and the request
// form's minimums that "ask for one like this" fills in.
import { deviceTypes, keyboardLayouts, type DeviceType, type KeyboardLayout } from "./devices";
import type { ConditionGrade } from "./lifecycle";
import { feasible, requestSlots, type MatchableDevice, type MatchableRequest } from "./matching";
import { isOpen, type RequestStatus } from "./requests";
import type { SanitizationMethod } from "./wipes";

/** How a certificate's media were made safe: the wipe methods, a validated "no storage present", or nothing to wipe (a monitor). */
export type CertificateMethod = SanitizationMethod | "no-storage" | "nothing-to-wipe";

/** How cards are ordered: most recently listed first, or the most capable devices first. */
export const catalogueSortKeys = ["newest", "specs"] as const;
export type CatalogueSortKey = (typeof catalogueSortKeys)[number];

/** What makes listed devices alike: one card per distinct combination of these fields. */
export type CatalogueGroupFields = {
  type: DeviceType;
  manufacturer: string;
  model: string;
  ramGb: number | null;
  storageGb: number | null;
  screenInches: number | null;
  keyboardLayout: string | null;
  grade: ConditionGrade | null;
};

/** The grouping rule as a list, so that the query groups by exactly these columns. */
export const catalogueGroupFieldNames = [
  "type",
  "manufacturer",
  "model",
  "ramGb",
  "storageGb",
  "screenInches",
  "keyboardLayout",
  "grade",
] as const satisfies readonly (keyof CatalogueGroupFields)[];

export function catalogueGroupKey(device: CatalogueGroupFields): string {
  return JSON.stringify(catalogueGroupFieldNames.map((name) => device[name]));
}

/** Listed devices grouped into cards, in the order each group's first device comes; ids in input order. */
export function groupCatalogue<T extends CatalogueGroupFields & { id: number }>(devices: readonly T[]): (CatalogueGroupFields & { deviceIds: number[] })[] {
  const groups = new Map<string, CatalogueGroupFields & { deviceIds: number[] }>();
  for (const device of devices) {
    const key = catalogueGroupKey(device);
    const group = groups.get(key);
    if (group) group.deviceIds.push(device.id);
    else groups.set(key, { ...pickGroupFields(device), deviceIds: [device.id] });
  }
  return [...groups.values()];
}

function pickGroupFields(device: CatalogueGroupFields): CatalogueGroupFields {
  const { type, manufacturer, model, ramGb, storageGb, screenInches, keyboardLayout, grade } = device;
  return { type, manufacturer, model, ramGb, storageGb, screenInches, keyboardLayout, grade };
}

/** Any device of the group, as the matching engine sees it: the group's fields are all it reads. */
function matchableOf(group: CatalogueGroupFields): MatchableDevice {
  return {
    id: 0,
    type: group.type,
    ramGb: group.ramGb,
    storageGb: group.storageGb,
    screenInches: group.screenInches,
    keyboardLayout: group.keyboardLayout,
    listedAt: 0,
  };
}

/** A request as the waiting count reads it: the engine's view plus its status. */
export type WaitingRequest = MatchableRequest & { status: RequestStatus };

/**
 * How many requests wait for devices like these: approved (or partly fulfilled) requests with an open
 * slot that a device of this group could serve, by the engine's own hard constraints. Not a promise:
 * the matching still decides who gets what.
 */
export function waitingRequestCount(group: CatalogueGroupFields, requests: readonly WaitingRequest[]): number {
  return waitingRequestCounts([group], requests)[0] ?? 0;
}

/**
 * The waiting count of many groups at once. Requests that ask the same thing are tested once, as the
 * engine's profiles are: whether a device fits a request reads only what the request asks.
 */
export function waitingRequestCounts(groups: readonly CatalogueGroupFields[], requests: readonly WaitingRequest[]): number[] {
  const profiles = new Map<string, { request: WaitingRequest; count: number }>();
  for (const request of requests) {
    if (!isOpen(request.status) || requestSlots(request) === 0) continue;
    const key = JSON.stringify([request.type, request.minRamGb, request.minStorageGb, request.minScreenInches, request.keyboardLayout.trim().toLowerCase()]);
    const profile = profiles.get(key);
    if (profile) profile.count += 1;
    else profiles.set(key, { request, count: 1 });
  }
  const profilesOfType = new Map<DeviceType, { request: WaitingRequest; count: number }[]>();
  for (const profile of profiles.values()) {
    const ofType = profilesOfType.get(profile.request.type);
    if (ofType) ofType.push(profile);
    else profilesOfType.set(profile.request.type, [profile]);
  }
  return groups.map((group) => {
    const device = matchableOf(group);
    let waiting = 0;
    for (const profile of profilesOfType.get(group.type) ?? []) if (feasible(device, profile.request)) waiting += profile.count;
    return waiting;
  });
}

/** The request form's fields that "ask for one like this" fills in, as the form's text defaults. */
export type RequestPrefill = Partial<Record<"type" | "minRamGb" | "minStorageGb" | "minScreenInches" | "keyboardLayout", string>>;

/** The query string of /requests/new that asks for a device like the group's: its type and specs as minimums. */
export function askForOneLikeThisQuery(group: CatalogueGroupFields): string {
  const query = new URLSearchParams({ type: group.type });
  if (group.ramGb !== null) query.set("minRamGb", String(group.ramGb));
  if (group.storageGb !== null) query.set("minStorageGb", String(group.storageGb));
  if (group.screenInches !== null) query.set("minScreenInches", String(group.screenInches));
  const layout = knownLayout(group.keyboardLayout);
  if (layout) query.set("keyboardLayout", layout);
  return query.toString();
}

function knownLayout(layout: string | null | undefined): KeyboardLayout | null {
  const wanted = layout?.trim().toLowerCase();
  return keyboardLayouts.find((known) => known.toLowerCase() === wanted) ?? null;
}

function numberWithin(value: string | null, min: number, max: number, { integer }: { integer: boolean }): string | undefined {
  if (value === null || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  const number = Number(value);
  if (number < min || number > max || (integer && !Number.isInteger(number))) return undefined;
  return String(number);
}

/**
 * The request form's defaults from its address (/requests/new?type=laptop&minRamGb=8…). Anything the
 * form would refuse is left out, so the form starts from its usual default there instead.
 */
export function requestPrefillOf(search: URLSearchParams): RequestPrefill {
  const prefill: RequestPrefill = {};
  const type = search.get("type");
  if (type !== null && (deviceTypes as readonly string[]).includes(type)) prefill.type = type;
  const minRamGb = numberWithin(search.get("minRamGb"), 0, 1024, { integer: true });
  if (minRamGb !== undefined) prefill.minRamGb = minRamGb;
  const minStorageGb = numberWithin(search.get("minStorageGb"), 0, 100_000, { integer: true });
  if (minStorageGb !== undefined) prefill.minStorageGb = minStorageGb;
  const minScreenInches = numberWithin(search.get("minScreenInches"), 1, 100, { integer: false });
  if (minScreenInches !== undefined) prefill.minScreenInches = minScreenInches;
  const layout = knownLayout(search.get("keyboardLayout"));
  if (layout) prefill.keyboardLayout = layout;
  return prefill;
}
