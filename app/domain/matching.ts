// The matching engine of DESIGN.md "Matching": which listed device goes to which approved request.
// Pure: the caller passes in the listed devices, the approved requests' open slots and the clock.
//
// THE PUBLISHED RUBRIC. Every feasible (device, request) pair scores, in whole points,
//
//   total = base + priority + waiting − excessSpec
//
//   base       = MATCH_BASE_POINTS (10,000), the same for every pair. It is larger than everything
//                else put together, so every feasible pair scores > 0 (serving a request always
//                beats leaving it unserved) and any exchange that serves one more request by moving
//                up to four existing proposals raises the total: 5 × 9,300 > 4 × 11,450.
//   priority   = PRIORITY_POINTS_PER_LEVEL (10) × the coordinator's priority, 0..100 → 0..1,000.
//   waiting    = WAITING_POINTS_PER_DAY (5) × whole days since approval, counted up to
//                WAITING_DAYS_CAP (90) days → 0..450. The cap keeps an old request from outranking
//                urgent need forever.
//   excessSpec = how much more device than asked, relative to what was asked, per dimension:
//                round(weight × min(cap, (device − asked) / max(asked, floor)))
//                  RAM      150 points per 100 % over, floor 4 GB,  cap 300 % → 0..450
//                  storage   50 points per 100 % over, floor 64 GB, cap 300 % → 0..150
//                  screen   100 points per 100 % over, cap 100 %, only when a minimum was asked → 0..100
//                The floor stands in for "asked" when the request asked little or nothing, so a
//                request without a minimum still prefers a basic device. 0..700 in all.
//
// So a feasible pair scores 9,300..11,450. Unknown device specs (null) count as 0.
//
// Hard constraints (`feasible`): same type; RAM and storage at least the minimum; screen at least the
// minimum when one is set; keyboard layout equal (case-insensitive) unless the request says "any";
// the request has an open slot.
//
// THE ASSIGNMENT maximizes the total score over all proposals (each device to at most one request,
// each request at most its open slots): an exact optimum, not a greedy pass. Device types never
// compete, so each type is solved alone, as a transportation problem: devices identical in every
// field the rubric and the constraints read form one class with a count, and requests asking the
// same thing (type, minimums, layout) form one profile, since a pair's excess depends only on the
// class and the profile. It is solved as a min-cost flow by successive shortest paths (Dijkstra
// with potentials), one request's slots at a time, in `solveTransport`.
//
// Ties are broken by a secondary objective worth less, in all, than one point of score: requests
// approved earlier (then lower ids) and device classes holding the longest-listed device (then
// lower ids) are preferred; within a profile, earlier-approved requests take the longest-listed
// devices first. The output depends only on the set of inputs, never on their order.
//
// DISMISSED PAIRS. The coordinator may dismiss a proposal: `runMatching` then takes that exact
// (device, request) pair as infeasible and solves again, so the device may go to another request
// and the request may get another device. A device or request named in a dismissed pair is put in
// a class or profile of its own, so that the pair is exactly one arc that can be left out.
//
// THE REPORT says only what the result shows: each proposal's score as structured facts (`parts`,
// rendered in the user's language), each unserved request with the devices that fit it and where
// they went, and each listed device left without a proposal with why.
import type { DeviceType } from "./devices";

/** A confirmed match reserves its device until the handover, or until it is released. */
export const matchStatuses = ["confirmed", "handed-over", "released"] as const;
export type MatchStatus = (typeof matchStatuses)[number];

export const MATCH_BASE_POINTS = 10_000;
export const PRIORITY_POINTS_PER_LEVEL = 10;
export const MAX_PRIORITY = 100;
export const WAITING_POINTS_PER_DAY = 5;
export const WAITING_DAYS_CAP = 90;
export const RAM_EXCESS_POINTS_PER_100_PERCENT = 150;
export const RAM_REFERENCE_FLOOR_GB = 4;
export const RAM_EXCESS_CAP = 3;
export const STORAGE_EXCESS_POINTS_PER_100_PERCENT = 50;
export const STORAGE_REFERENCE_FLOOR_GB = 64;
export const STORAGE_EXCESS_CAP = 3;
export const SCREEN_EXCESS_POINTS_PER_100_PERCENT = 100;
export const SCREEN_EXCESS_CAP = 1;

/** The highest score any pair can reach: no excess, top priority, waited the full cap. */
export const MAX_PAIR_SCORE = MATCH_BASE_POINTS + PRIORITY_POINTS_PER_LEVEL * MAX_PRIORITY + WAITING_POINTS_PER_DAY * WAITING_DAYS_CAP;

const DAY_MS = 24 * 60 * 60 * 1000;
const ANY_LAYOUT = "any";

export type MatchableDevice = {
  id: number;
  type: DeviceType;
  ramGb: number | null;
  storageGb: number | null;
  screenInches: number | null;
  keyboardLayout: string | null;
  /** Epoch ms. Not part of the score: only decides which of otherwise identical devices go first. */
  listedAt: number;
};

export type MatchableRequest = {
  id: number;
  type: DeviceType;
  /** quantity − fulfilled − reserved, >= 0 */
  openSlots: number;
  minRamGb: number;
  minStorageGb: number;
  minScreenInches: number | null;
  /** "any" or a layout name like "AZERTY-BE" */
  keyboardLayout: string;
  /** 0..100, set by the coordinator */
  priority: number;
  /** Epoch ms, when the request was approved. */
  waitingSince: number;
};

/** One fact behind a score, for a sentence in the user's language ("4 GB more RAM than asked"). */
export type ScoreFact =
  | { kind: "priority"; level: number; of: number }
  | { kind: "waiting"; days: number; countedDays: number }
  | { kind: "ram"; deviceGb: number; askedGb: number }
  | { kind: "storage"; deviceGb: number; askedGb: number }
  | { kind: "screen"; deviceInches: number; askedInches: number }
  | { kind: "as-asked" };

export type ScoreExplanation = {
  priority: number;
  waiting: number;
  /** Points taken off, the sum of `excessParts`. */
  excessSpec: number;
  excessParts: { ram: number; storage: number; screen: number };
  base: number;
  total: number;
  daysWaiting: number;
  /** Short English facts, e.g. "8 GB RAM where 4 GB asked". */
  notes: string[];
  /** The same facts, structured, for the pages to say in the user's language. */
  parts: ScoreFact[];
};

export type Proposal = { deviceId: number; requestId: number; score: number; explanation: ScoreExplanation };

/**
 * Why a request keeps open slots. The first four: no listed device fits it at all. "dismissed":
 * devices fit, but every one was dismissed for this request. "fewer-than-asked": every fitting
 * device is proposed for this same request, there are just fewer than its slots. "all-taken": some
 * fitting devices are proposed for other requests (`takenBy` says which), where each scores at
 * least as high as it would here (the assignment is optimal and every pair scores above zero).
 */
export const unservedReasons = [
  "no-device-of-type",
  "specs-too-high",
  "keyboard-layout",
  "screen-too-small",
  "dismissed",
  "fewer-than-asked",
  "all-taken",
] as const;
export type UnservedReason = (typeof unservedReasons)[number];

/** Another request that got devices which would also fit this one; `higherScore` false means equal scores (a tie-break). */
export type TakenBy = { requestId: number; devices: number; higherScore: boolean };

export type Unserved = {
  requestId: number;
  openSlots: number;
  unservedSlots: number;
  reason: UnservedReason;
  /** Listed devices that fit the request, dismissed pairs left out. */
  fittingDevices: number;
  /** Devices that fit but were dismissed for this request. */
  dismissedDevices: number;
  takenBy: TakenBy[];
};

/**
 * Why a listed device got no proposal: it fits no request with open slots ("no-fitting-request"),
 * it fits only requests it was dismissed for ("dismissed"), or the requests it fits are all served
 * by devices that fit them more closely or were listed longer ("requests-full").
 */
export const idleReasons = ["no-fitting-request", "dismissed", "requests-full"] as const;
export type IdleReason = (typeof idleReasons)[number];
export type IdleDevice = { deviceId: number; reason: IdleReason };

/** A proposal the coordinator dismissed: the engine never proposes this pair again in that run. */
export type ExcludedPair = { deviceId: number; requestId: number };

export type MatchingResult = { proposals: Proposal[]; unserved: Unserved[]; idleDevices: IdleDevice[]; totalScore: number };

/** Open slots as a count: anything that is not a positive whole number takes nothing. */
export function requestSlots(request: MatchableRequest): number {
  return Number.isFinite(request.openSlots) ? Math.max(0, Math.floor(request.openSlots)) : 0;
}

function normalizedLayout(layout: string | null): string | null {
  return layout === null ? null : layout.trim().toLowerCase();
}

function meetsSpecs(device: MatchableDevice, request: MatchableRequest): boolean {
  return (device.ramGb ?? 0) >= request.minRamGb && (device.storageGb ?? 0) >= request.minStorageGb;
}

function meetsScreen(device: MatchableDevice, request: MatchableRequest): boolean {
  return request.minScreenInches === null || (device.screenInches ?? 0) >= request.minScreenInches;
}

function meetsLayout(device: MatchableDevice, request: MatchableRequest): boolean {
  const wanted = normalizedLayout(request.keyboardLayout);
  return wanted === ANY_LAYOUT || wanted === normalizedLayout(device.keyboardLayout);
}

/** Whether the device may be proposed for the request at all (the hard constraints). */
export function feasible(device: MatchableDevice, request: MatchableRequest): boolean {
  return (
    requestSlots(request) > 0 && device.type === request.type && meetsSpecs(device, request) && meetsScreen(device, request) && meetsLayout(device, request)
  );
}

function excessPoints(have: number, asked: number, floor: number, pointsPer100Percent: number, cap: number): number {
  const reference = Math.max(asked, floor);
  if (reference <= 0) return 0;
  const ratio = Math.min(cap, Math.max(0, have - asked) / reference);
  return Math.round(pointsPer100Percent * ratio);
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : low;
}

function asked(value: number, unit: string, what: string): string {
  return value > 0 ? `${value}${unit} asked` : `no minimum ${what} asked`;
}

type ScoreParts = Omit<ScoreExplanation, "notes" | "parts">;

/** The request's side of the rubric: the same whichever device it gets. */
function needPoints(request: MatchableRequest, now: number): { priority: number; waiting: number; daysWaiting: number } {
  const priority = Math.round(PRIORITY_POINTS_PER_LEVEL * clamp(request.priority, 0, MAX_PRIORITY));
  const daysWaiting = Math.floor(clamp(now - request.waitingSince, 0, Number.MAX_SAFE_INTEGER) / DAY_MS);
  return { priority, waiting: WAITING_POINTS_PER_DAY * Math.min(daysWaiting, WAITING_DAYS_CAP), daysWaiting };
}

/** The pair's side of the rubric: it reads only what the request asked, not who asked it. */
function excessParts(device: MatchableDevice, request: MatchableRequest): ScoreExplanation["excessParts"] {
  const minScreen = request.minScreenInches ?? 0;
  return {
    ram: excessPoints(device.ramGb ?? 0, request.minRamGb, RAM_REFERENCE_FLOOR_GB, RAM_EXCESS_POINTS_PER_100_PERCENT, RAM_EXCESS_CAP),
    storage: excessPoints(device.storageGb ?? 0, request.minStorageGb, STORAGE_REFERENCE_FLOOR_GB, STORAGE_EXCESS_POINTS_PER_100_PERCENT, STORAGE_EXCESS_CAP),
    // Without a minimum there is nothing to be "more than asked" about: screens are not ranked.
    screen: minScreen > 0 ? excessPoints(device.screenInches ?? 0, minScreen, 0, SCREEN_EXCESS_POINTS_PER_100_PERCENT, SCREEN_EXCESS_CAP) : 0,
  };
}

function totalExcess(device: MatchableDevice, request: MatchableRequest): number {
  const parts = excessParts(device, request);
  return parts.ram + parts.storage + parts.screen;
}

/** The rubric's numbers for a pair already known to be feasible. */
function scoreParts(device: MatchableDevice, request: MatchableRequest, now: number): ScoreParts {
  const { priority, waiting, daysWaiting } = needPoints(request, now);
  const excess = excessParts(device, request);
  const excessSpec = excess.ram + excess.storage + excess.screen;
  return {
    priority,
    waiting,
    excessSpec,
    excessParts: excess,
    base: MATCH_BASE_POINTS,
    total: MATCH_BASE_POINTS + priority + waiting - excessSpec,
    daysWaiting,
  };
}

/** The rubric applied to a pair already known to be feasible, with the facts behind it. */
function explain(device: MatchableDevice, request: MatchableRequest, now: number): ScoreExplanation {
  const parts = scoreParts(device, request, now);
  const { daysWaiting, excessParts } = parts;
  const notes = [`priority ${clamp(request.priority, 0, MAX_PRIORITY)}/${MAX_PRIORITY}`];
  notes.push(
    daysWaiting > WAITING_DAYS_CAP
      ? `waiting ${daysWaiting} days (counted as ${WAITING_DAYS_CAP})`
      : `waiting ${daysWaiting} day${daysWaiting === 1 ? "" : "s"}`,
  );
  if (excessParts.ram > 0) notes.push(`${device.ramGb ?? 0} GB RAM where ${asked(request.minRamGb, " GB", "RAM")}`);
  if (excessParts.storage > 0) notes.push(`${device.storageGb ?? 0} GB storage where ${asked(request.minStorageGb, " GB", "storage")}`);
  if (excessParts.screen > 0) notes.push(`${device.screenInches ?? 0}" screen where ${request.minScreenInches ?? 0}" asked`);
  if (parts.excessSpec === 0) notes.push("no more device than asked");
  return { ...parts, notes, parts: scoreFacts(device, request, parts) };
}

/** The facts of `explain`, structured: the need first, then each way the device gives more than asked. */
function scoreFacts(device: MatchableDevice, request: MatchableRequest, parts: ScoreParts): ScoreFact[] {
  const facts: ScoreFact[] = [
    { kind: "priority", level: clamp(request.priority, 0, MAX_PRIORITY), of: MAX_PRIORITY },
    { kind: "waiting", days: parts.daysWaiting, countedDays: Math.min(parts.daysWaiting, WAITING_DAYS_CAP) },
  ];
  if (parts.excessParts.ram > 0) facts.push({ kind: "ram", deviceGb: device.ramGb ?? 0, askedGb: request.minRamGb });
  if (parts.excessParts.storage > 0) facts.push({ kind: "storage", deviceGb: device.storageGb ?? 0, askedGb: request.minStorageGb });
  if (parts.excessParts.screen > 0) facts.push({ kind: "screen", deviceInches: device.screenInches ?? 0, askedInches: request.minScreenInches ?? 0 });
  if (parts.excessSpec === 0) facts.push({ kind: "as-asked" });
  return facts;
}

/** The score of a pair and why, or null when a hard constraint fails. */
export function pairScore(device: MatchableDevice, request: MatchableRequest, now: number): ScoreExplanation | null {
  return feasible(device, request) ? explain(device, request, now) : null;
}

/** Devices that no field of the rubric or the constraints can tell apart. */
type DeviceClass = { representative: MatchableDevice; members: MatchableDevice[] };

/** Requests that ask for the same thing: they differ only in need (priority, waiting) and slots. */
type RequestProfile = { representative: MatchableRequest; members: MatchableRequest[] };

function classKey(device: MatchableDevice): string {
  // Null specs count as 0 everywhere, and layouts compare without case: fold both here.
  return JSON.stringify([
    device.type,
    String(device.ramGb ?? 0),
    String(device.storageGb ?? 0),
    String(device.screenInches ?? 0),
    normalizedLayout(device.keyboardLayout),
  ]);
}

function profileKey(request: MatchableRequest): string {
  return JSON.stringify([
    request.type,
    String(request.minRamGb),
    String(request.minStorageGb),
    String(request.minScreenInches),
    normalizedLayout(request.keyboardLayout),
  ]);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): { representative: T; members: T[] }[] {
  const groups = new Map<string, { representative: T; members: T[] }>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.members.push(item);
    else groups.set(name, { representative: item, members: [item] });
  }
  return [...groups.values()];
}

function byListingThenId(a: MatchableDevice, b: MatchableDevice): number {
  return a.listedAt - b.listedAt || a.id - b.id;
}

function byApprovalThenId(a: MatchableRequest, b: MatchableRequest): number {
  return a.waitingSince - b.waitingSince || a.id - b.id;
}

function assertUniqueIds(items: readonly { id: number }[], what: string): void {
  const seen = new Set<number>();
  for (const item of items) {
    // Ids are the last tie-break; duplicates would make the outcome depend on input order.
    if (seen.has(item.id)) throw new Error(`runMatching: ${what} id ${item.id} appears twice`);
    seen.add(item.id);
  }
}

/** Why a request with no feasible device found none: the first constraint, in this order, that rules out every device of its type. */
function blockingReason(request: MatchableRequest, classesOfType: readonly DeviceClass[]): Exclude<UnservedReason, "all-taken"> {
  if (classesOfType.length === 0) return "no-device-of-type";
  const withSpecs = classesOfType.filter((deviceClass) => meetsSpecs(deviceClass.representative, request));
  if (withSpecs.length === 0) return "specs-too-high";
  const withScreen = withSpecs.filter((deviceClass) => meetsScreen(deviceClass.representative, request));
  if (withScreen.length === 0) return "screen-too-small";
  return "keyboard-layout";
}

/**
 * One device type's transportation problem. A unit of flow is one device for one slot, and its
 * profit splits in two: the request's (base + need, whichever device) and the arc's (−excess of
 * the class over what the profile asked). Arcs run from profiles to the classes that fit them; the
 * arcs of profile p are arcStart[p] up to arcStart[p + 1]. Typed arrays, because an unusual
 * listing (every device different) makes hundreds of thousands.
 */
type TransportProblem = {
  classSupply: Int32Array;
  requestSlots: Int32Array;
  requestProfile: Int32Array;
  requestProfit: Float64Array;
  profileCount: number;
  arcStart: Int32Array;
  arcClass: Int32Array;
  arcProfit: Float64Array;
};

/**
 * Maximum-profit transportation as a min-cost flow (cost = −profit), by successive shortest paths
 * with Dijkstra on reduced costs — the Hungarian method's scheme, one request's slots at a time.
 * The network: request → its profile → a class that fits (→ T, as many as the class holds), and
 * request → T directly at cost 0 for a slot left unserved. Every slot must reach T, so the min
 * cost is −(max profit), and leaving a slot unserved is just the cheapest route when nothing
 * better is left.
 *
 * Each search starts from the one request being placed, not from a super-source, so it touches
 * that request's profile arcs and the few edges that carry flow back, instead of the whole
 * network; it stops once T is settled (nodes not settled take T's distance, which keeps every
 * reduced cost >= 0). Profits must be integers small enough that path sums stay exact in a double
 * (the caller checks). Returns the flow on each arc and the slots served of each request.
 */
function solveTransport(problem: TransportProblem): { arcFlow: Int32Array; served: Int32Array } {
  const { classSupply, requestSlots: slots, requestProfile, requestProfit, profileCount, arcStart, arcClass, arcProfit } = problem;
  const requestCount = slots.length;
  const firstClass = requestCount + profileCount;
  const sink = firstClass + classSupply.length;
  const nodeCount = sink + 1;
  const arcCount = arcClass.length;
  const isRequest = (node: number) => node < requestCount;
  const isProfile = (node: number) => node >= requestCount && node < firstClass;

  const arcProfile = new Int32Array(arcCount);
  for (let profile = 0; profile < profileCount; profile += 1) arcProfile.fill(profile, arcStart[profile]!, arcStart[profile + 1]!);
  const arcFlow = new Int32Array(arcCount);
  const served = new Int32Array(requestCount);
  const free = Int32Array.from(classSupply);
  // The edges that lead back against the flow: per class, its arcs that carry flow; per profile,
  // its requests with a slot served. Sets keep insertion order, so every search repeats exactly.
  const carrying = Array.from({ length: classSupply.length }, () => new Set<number>());
  const servedOf = Array.from({ length: profileCount }, () => new Set<number>());

  // Initial potentials make every reduced cost >= 0: shortest distances in the empty network,
  // which is a DAG (requests → profiles → classes → T), from a virtual node before all requests.
  const potential = new Float64Array(nodeCount);
  for (let request = 0; request < requestCount; request += 1) {
    const node = requestCount + requestProfile[request]!;
    potential[node] = Math.min(potential[node]!, -requestProfit[request]!);
  }
  for (let arc = 0; arc < arcCount; arc += 1) {
    const node = firstClass + arcClass[arc]!;
    const through = potential[requestCount + arcProfile[arc]!]! - arcProfit[arc]!;
    potential[node] = Math.min(potential[node]!, through);
  }
  for (let node = 0; node < sink; node += 1) potential[sink] = Math.min(potential[sink]!, potential[node]!);

  const distance = new Float64Array(nodeCount);
  const settled = new Uint8Array(nodeCount);
  const previous = new Int32Array(nodeCount);
  const previousArc = new Int32Array(nodeCount);
  const heap = new MinHeap();
  const relax = (node: number, candidate: number, from: number, arc: number): void => {
    // A node no closer than T's current distance would not be settled before T: skip it.
    if (settled[node] || candidate >= distance[node]! || candidate >= distance[sink]!) return;
    distance[node] = candidate;
    previous[node] = from;
    previousArc[node] = arc;
    heap.push(candidate, node);
  };
  /** How much more the edge from → to can carry. */
  const room = (from: number, to: number, arc: number): number => {
    if (to === sink) return isRequest(from) ? Number.POSITIVE_INFINITY : free[from - firstClass]!;
    if (isRequest(from)) return slots[from]! - served[from]!;
    if (isRequest(to)) return served[to]!;
    return isProfile(from) ? Number.POSITIVE_INFINITY : arcFlow[arc]!;
  };
  const push = (from: number, to: number, arc: number, amount: number): void => {
    if (to === sink) {
      if (!isRequest(from)) free[from - firstClass] = free[from - firstClass]! - amount;
    } else if (isRequest(from)) {
      served[from] = served[from]! + amount;
      servedOf[requestProfile[from]!]!.add(from);
    } else if (isRequest(to)) {
      served[to] = served[to]! - amount;
      if (served[to] === 0) servedOf[requestProfile[to]!]!.delete(to);
    } else if (isProfile(from)) {
      arcFlow[arc] = arcFlow[arc]! + amount;
      carrying[arcClass[arc]!]!.add(arc);
    } else {
      arcFlow[arc] = arcFlow[arc]! - amount;
      if (arcFlow[arc] === 0) carrying[arcClass[arc]!]!.delete(arc);
    }
  };

  // Indices never leave these arrays' bounds, hence the non-null assertions in the loops below.
  for (let start = 0; start < requestCount; start += 1) {
    let unplaced = slots[start]!;
    while (unplaced > 0) {
      distance.fill(Number.POSITIVE_INFINITY);
      settled.fill(0);
      heap.clear();
      distance[start] = 0;
      heap.push(0, start);
      while (heap.size > 0) {
        const node = heap.popNode();
        if (settled[node]) continue;
        settled[node] = 1;
        if (node === sink) break;
        const reached = distance[node]! + potential[node]!;
        if (isRequest(node)) {
          const profile = requestCount + requestProfile[node]!;
          if (served[node]! < slots[node]!) relax(profile, reached - requestProfit[node]! - potential[profile]!, node, -1);
          relax(sink, reached - potential[sink]!, node, -1);
        } else if (isProfile(node)) {
          for (let arc = arcStart[node - requestCount]!; arc < arcStart[node - requestCount + 1]!; arc += 1) {
            const next = firstClass + arcClass[arc]!;
            relax(next, reached - arcProfit[arc]! - potential[next]!, node, arc);
          }
          for (const request of servedOf[node - requestCount]!) relax(request, reached + requestProfit[request]! - potential[request]!, node, -1);
        } else {
          if (free[node - firstClass]! > 0) relax(sink, reached - potential[sink]!, node, -1);
          for (const arc of carrying[node - firstClass]!) {
            const next = requestCount + arcProfile[arc]!;
            relax(next, reached + arcProfit[arc]! - potential[next]!, node, arc);
          }
        }
      }
      const sinkDistance = distance[sink]!;
      for (let node = 0; node < nodeCount; node += 1) potential[node] = potential[node]! + (settled[node] ? distance[node]! : sinkDistance);

      let amount = unplaced;
      for (let node = sink; node !== start; node = previous[node]!) amount = Math.min(amount, room(previous[node]!, node, previousArc[node]!));
      for (let node = sink; node !== start; node = previous[node]!) push(previous[node]!, node, previousArc[node]!, amount);
      unplaced -= amount;
    }
  }
  return { arcFlow, served };
}

/** Binary min-heap of (key, node), ties to the lower node so runs repeat exactly. */
class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  clear(): void {
    this.keys.length = 0;
    this.nodes.length = 0;
  }

  private less(i: number, j: number): boolean {
    const a = this.keys[i]!;
    const b = this.keys[j]!;
    return a < b || (a === b && this.nodes[i]! < this.nodes[j]!);
  }

  private swap(i: number, j: number): void {
    const key = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = key;
    const node = this.nodes[i]!;
    this.nodes[i] = this.nodes[j]!;
    this.nodes[j] = node;
  }

  push(key: number, node: number): void {
    this.keys.push(key);
    this.nodes.push(node);
    let child = this.keys.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.less(child, parent)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  /** Removes the smallest entry and returns its node; the caller checks `size` first. */
  popNode(): number {
    const top = this.nodes[0]!;
    const lastKey = this.keys.pop()!;
    const lastNode = this.nodes.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.nodes[0] = lastNode;
      let parent = 0;
      for (;;) {
        const left = 2 * parent + 1;
        if (left >= this.keys.length) break;
        const right = left + 1;
        const smaller = right < this.keys.length && this.less(right, left) ? right : left;
        if (!this.less(smaller, parent)) break;
        this.swap(smaller, parent);
        parent = smaller;
      }
    }
    return top;
  }
}

/**
 * The optimal assignment of listed devices to open request slots, with every proposal explained
 * and every request left (partly) unserved given a reason. `excluded` are pairs the coordinator
 * dismissed: they are never proposed.
 */
export function runMatching(devices: MatchableDevice[], requests: MatchableRequest[], now: number, excluded: readonly ExcludedPair[] = []): MatchingResult {
  assertUniqueIds(devices, "device");
  assertUniqueIds(requests, "request");
  const excludedKeys = new Set(excluded.map(pairKey));
  const isExcluded = (device: MatchableDevice, request: MatchableRequest) => excludedKeys.has(pairKey({ deviceId: device.id, requestId: request.id }));
  const devicesInExcluded = new Set(excluded.map((pair) => pair.deviceId));
  const requestsInExcluded = new Set(excluded.map((pair) => pair.requestId));

  // Classes come out in order of their longest-listed member, members in listing order; profiles
  // in order of their earliest-approved member, members in approval order. A device or request in
  // a dismissed pair stands alone, so the pair is one arc to leave out.
  const classes = groupBy([...devices].sort(byListingThenId), (device) => classKey(device) + (devicesInExcluded.has(device.id) ? `#${device.id}` : ""));
  const classesOfType = (type: DeviceType) => classes.filter((deviceClass) => deviceClass.representative.type === type);
  const openRequests = requests.filter((request) => requestSlots(request) > 0).sort(byApprovalThenId);
  const profiles = groupBy(openRequests, (request) => profileKey(request) + (requestsInExcluded.has(request.id) ? `#${request.id}` : ""));
  /** A class fits a profile when the hard constraints hold and the pair was not dismissed (both stand alone then). */
  const fits = (deviceClass: DeviceClass, profile: RequestProfile) =>
    feasible(deviceClass.representative, profile.representative) && !isExcluded(deviceClass.representative, profile.representative);
  const served = new Map<number, number>();
  const proposals: Proposal[] = [];

  // Device types never compete with each other: each is its own, smaller transportation problem.
  for (const type of [...new Set(openRequests.map((request) => request.type))].sort()) {
    const typeClasses = classesOfType(type);
    const typeProfiles = profiles.filter((profile) => profile.representative.type === type);
    const typeRequests = typeProfiles.flatMap((profile) => profile.members);
    if (typeClasses.length === 0) continue;

    // Tie-break as a secondary objective: each device placed earns a small bonus for an early
    // request and an early class. One point of score is worth more than all bonuses together, so
    // the total score stays exactly optimal.
    const supplies = typeClasses.map((deviceClass) => deviceClass.members.length);
    const slots = typeRequests.map(requestSlots);
    const scale = Math.min(sum(supplies), sum(slots)) * (typeRequests.length + typeClasses.length) + 1;
    const nodeCount = typeRequests.length + typeProfiles.length + typeClasses.length + 1;
    // Path costs must stay exact integers in a double; on an instance far beyond a city's size,
    // give up the tie-break (not the optimum) rather than exactness.
    const exact = nodeCount * (MAX_PAIR_SCORE + 1) * scale * 4 < Number.MAX_SAFE_INTEGER;
    const approvalRank = new Map(openRequests.filter((request) => request.type === type).map((request, rank) => [request, rank]));
    const requestBonus = (request: MatchableRequest) => (exact ? typeRequests.length - (approvalRank.get(request) ?? 0) : 0);
    const classBonus = (classIndex: number) => (exact ? typeClasses.length - classIndex : 0);
    const weight = exact ? scale : 1;

    const arcStart = new Int32Array(typeProfiles.length + 1);
    const arcClass: number[] = [];
    const arcProfit: number[] = [];
    typeProfiles.forEach((profile, profileIndex) => {
      arcStart[profileIndex] = arcClass.length;
      typeClasses.forEach((deviceClass, classIndex) => {
        if (!fits(deviceClass, profile)) return;
        arcClass.push(classIndex);
        arcProfit.push(-totalExcess(deviceClass.representative, profile.representative) * weight + classBonus(classIndex));
      });
    });
    arcStart[typeProfiles.length] = arcClass.length;
    if (arcClass.length === 0) continue;

    const requestProfile = Int32Array.from(typeProfiles.flatMap((profile, profileIndex) => profile.members.map(() => profileIndex)));
    const requestProfit = Float64Array.from(typeRequests, (request) => {
      const { priority, waiting } = needPoints(request, now);
      return (MATCH_BASE_POINTS + priority + waiting) * weight + requestBonus(request);
    });
    const { arcFlow, served: servedSlots } = solveTransport({
      classSupply: Int32Array.from(supplies),
      requestSlots: Int32Array.from(slots),
      requestProfile,
      requestProfit,
      profileCount: typeProfiles.length,
      arcStart,
      arcClass: Int32Array.from(arcClass),
      arcProfit: Float64Array.from(arcProfit),
    });

    // Back to devices. Within a profile every request scores any of its devices alike, so the
    // split is a free choice: requests in approval order take the profile's devices class by
    // class, and within a class the longest-listed devices go first.
    const nextMember = new Map<DeviceClass, number>();
    let requestIndex = 0;
    typeProfiles.forEach((profile, profileIndex) => {
      const units: DeviceClass[] = [];
      for (let arc = arcStart[profileIndex]!; arc < arcStart[profileIndex + 1]!; arc += 1) {
        for (let unit = 0; unit < arcFlow[arc]!; unit += 1) units.push(typeClasses[arcClass[arc]!]!);
      }
      let unit = 0;
      for (const request of profile.members) {
        const count = servedSlots[requestIndex]!;
        requestIndex += 1;
        served.set(request.id, count);
        for (const deviceClass of units.slice(unit, unit + count)) {
          const member = nextMember.get(deviceClass) ?? 0;
          const device = deviceClass.members[member]!;
          nextMember.set(deviceClass, member + 1);
          const explanation = explain(device, request, now);
          proposals.push({ deviceId: device.id, requestId: request.id, score: explanation.total, explanation });
        }
        unit += count;
      }
    });
  }
  proposals.sort((a, b) => a.requestId - b.requestId || a.deviceId - b.deviceId);
  const proposalOf = new Map(proposals.map((proposal) => [proposal.deviceId, proposal]));

  const unserved: Unserved[] = [];
  for (const profile of profiles) {
    const typeClasses = classesOfType(profile.representative.type);
    const feasibleClasses = typeClasses.filter((deviceClass) => feasible(deviceClass.representative, profile.representative));
    for (const request of profile.members) {
      const openSlots = requestSlots(request);
      const unservedSlots = openSlots - (served.get(request.id) ?? 0);
      if (unservedSlots <= 0) continue;
      // Only what the result shows: the devices that fit, dismissed or not, and where each went.
      const fitting = feasibleClasses.flatMap((deviceClass) => deviceClass.members.filter((device) => !isExcluded(device, request)));
      const dismissedDevices = feasibleClasses.reduce(
        (total, deviceClass) => total + deviceClass.members.filter((device) => isExcluded(device, request)).length,
        0,
      );
      const takenBy = new Map<number, TakenBy>();
      for (const device of fitting) {
        const elsewhere = proposalOf.get(device.id);
        if (!elsewhere || elsewhere.requestId === request.id) continue;
        const here = explain(device, request, now).total;
        const entry = takenBy.get(elsewhere.requestId) ?? { requestId: elsewhere.requestId, devices: 0, higherScore: true };
        entry.devices += 1;
        entry.higherScore &&= elsewhere.score > here;
        takenBy.set(elsewhere.requestId, entry);
      }
      const reason: UnservedReason =
        fitting.length === 0
          ? dismissedDevices > 0
            ? "dismissed"
            : blockingReason(request, typeClasses)
          : takenBy.size > 0
            ? "all-taken"
            : "fewer-than-asked";
      unserved.push({
        requestId: request.id,
        openSlots,
        unservedSlots,
        reason,
        fittingDevices: fitting.length,
        dismissedDevices,
        takenBy: [...takenBy.values()].sort((a, b) => a.requestId - b.requestId),
      });
    }
  }
  unserved.sort((a, b) => a.requestId - b.requestId);

  const idleDevices: IdleDevice[] = [];
  for (const deviceClass of classes) {
    const candidates = profiles.filter((profile) => feasible(deviceClass.representative, profile.representative));
    for (const device of deviceClass.members) {
      if (proposalOf.has(device.id)) continue;
      const wanted = candidates.flatMap((profile) => profile.members);
      const reason: IdleReason =
        wanted.length === 0 ? "no-fitting-request" : wanted.every((request) => isExcluded(device, request)) ? "dismissed" : "requests-full";
      idleDevices.push({ deviceId: device.id, reason });
    }
  }
  idleDevices.sort((a, b) => a.deviceId - b.deviceId);

  return { proposals, unserved, idleDevices, totalScore: sum(proposals.map((proposal) => proposal.score)) };
}

function pairKey(pair: ExcludedPair): string {
  return `${pair.deviceId}:${pair.requestId}`;
}

/** The listed devices that may be chosen for the request by hand: the engine's own hard constraints. */
export function fittingDevices<Device extends MatchableDevice>(devices: readonly Device[], request: MatchableRequest): Device[] {
  return devices.filter((device) => feasible(device, request));
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
