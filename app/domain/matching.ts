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
// each request at most its open slots): an exact optimum, not a greedy pass. Devices identical in
// every field the score reads fall into one class with a count, and each device type is a
// transportation problem between classes and requests, solved as a min-cost flow by successive
// shortest paths (Dijkstra with potentials). Ties are broken by a secondary objective far below one
// point of score: requests approved earlier (then lower ids) and device classes holding the
// longest-listed device (then lower ids) are preferred; inside a class the longest-listed devices
// (then lower ids) go first. The output depends only on the set of inputs, never on their order.
import type { DeviceType } from "./devices";

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
};

export type Proposal = { deviceId: number; requestId: number; score: number; explanation: ScoreExplanation };

export type UnservedReason = "no-device-of-type" | "specs-too-high" | "keyboard-layout" | "screen-too-small" | "all-taken";

export type Unserved = { requestId: number; openSlots: number; unservedSlots: number; reason: UnservedReason };

export type MatchingResult = { proposals: Proposal[]; unserved: Unserved[]; totalScore: number };

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
  return requestSlots(request) > 0 && device.type === request.type && meetsSpecs(device, request) && meetsScreen(device, request) && meetsLayout(device, request);
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

type ScoreParts = Omit<ScoreExplanation, "notes">;

/** The rubric's numbers for a pair already known to be feasible (no notes: the solver scores every pair). */
function scoreParts(device: MatchableDevice, request: MatchableRequest, now: number): ScoreParts {
  const priority = Math.round(PRIORITY_POINTS_PER_LEVEL * clamp(request.priority, 0, MAX_PRIORITY));
  const daysWaiting = Math.floor(clamp(now - request.waitingSince, 0, Number.MAX_SAFE_INTEGER) / DAY_MS);
  const waiting = WAITING_POINTS_PER_DAY * Math.min(daysWaiting, WAITING_DAYS_CAP);
  const minScreen = request.minScreenInches ?? 0;
  const excessParts = {
    ram: excessPoints(device.ramGb ?? 0, request.minRamGb, RAM_REFERENCE_FLOOR_GB, RAM_EXCESS_POINTS_PER_100_PERCENT, RAM_EXCESS_CAP),
    storage: excessPoints(device.storageGb ?? 0, request.minStorageGb, STORAGE_REFERENCE_FLOOR_GB, STORAGE_EXCESS_POINTS_PER_100_PERCENT, STORAGE_EXCESS_CAP),
    // Without a minimum there is nothing to be "more than asked" about: screens are not ranked.
    screen: minScreen > 0 ? excessPoints(device.screenInches ?? 0, minScreen, 0, SCREEN_EXCESS_POINTS_PER_100_PERCENT, SCREEN_EXCESS_CAP) : 0,
  };
  const excessSpec = excessParts.ram + excessParts.storage + excessParts.screen;
  return { priority, waiting, excessSpec, excessParts, base: MATCH_BASE_POINTS, total: MATCH_BASE_POINTS + priority + waiting - excessSpec, daysWaiting };
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
  return { ...parts, notes };
}

/** The score of a pair and why, or null when a hard constraint fails. */
export function pairScore(device: MatchableDevice, request: MatchableRequest, now: number): ScoreExplanation | null {
  return feasible(device, request) ? explain(device, request, now) : null;
}

/** Devices that no field of the rubric or the constraints can tell apart. */
type DeviceClass = { key: string; representative: MatchableDevice; members: MatchableDevice[] };

function classKey(device: MatchableDevice): string {
  // Null specs count as 0 everywhere, and layouts compare without case: fold both here.
  return JSON.stringify([device.type, device.ramGb ?? 0, device.storageGb ?? 0, device.screenInches ?? 0, normalizedLayout(device.keyboardLayout)]);
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

type TransportArc = { supplyIndex: number; demandIndex: number; profit: number };

/**
 * Maximum-profit transportation problem as a min-cost flow (arc cost = −profit), by successive
 * shortest paths with Dijkstra on reduced costs. It stops at the first augmenting path that would
 * not raise the profit: the cost of min-cost flow is convex in the flow value, so that is the
 * optimum over every flow value, not only the maximum flow. Profits must be integers and small
 * enough that path sums stay exact in a double (the caller checks). Returns the flow on each arc.
 */
function solveMaxProfitTransport(supplies: readonly number[], demands: readonly number[], arcs: readonly TransportArc[]): number[] {
  const source = 0;
  const sink = 1;
  const firstSupply = 2;
  const firstDemand = firstSupply + supplies.length;
  const nodeCount = firstDemand + demands.length;

  // Forward-star adjacency; edge e and its reverse are e and e ^ 1. Indices never leave these
  // arrays' bounds, hence the non-null assertions in the hot loops below.
  const head = new Int32Array(nodeCount).fill(-1);
  const next: number[] = [];
  const target: number[] = [];
  const residual: number[] = [];
  const cost: number[] = [];
  const addEdge = (from: number, to: number, capacity: number, edgeCost: number): number => {
    const index = target.length;
    target.push(to, from);
    residual.push(capacity, 0);
    cost.push(edgeCost, -edgeCost);
    next.push(head[from]!, head[to]!);
    head[from] = index;
    head[to] = index + 1;
    return index;
  };
  supplies.forEach((supply, index) => addEdge(source, firstSupply + index, supply, 0));
  demands.forEach((demand, index) => addEdge(firstDemand + index, sink, demand, 0));
  const arcEdges = arcs.map((arc) => addEdge(firstSupply + arc.supplyIndex, firstDemand + arc.demandIndex, Number.MAX_SAFE_INTEGER, -arc.profit));

  // Initial potentials make every reduced cost >= 0 despite the negative arc costs: the network is
  // a DAG (source → supply → demand → sink), so shortest distances follow in one pass.
  const potential = new Float64Array(nodeCount);
  for (const arc of arcs) {
    const node = firstDemand + arc.demandIndex;
    potential[node] = Math.min(potential[node]!, -arc.profit);
  }
  for (let node = firstDemand; node < nodeCount; node += 1) potential[sink] = Math.min(potential[sink]!, potential[node]!);

  const distance = new Float64Array(nodeCount);
  const settled = new Uint8Array(nodeCount);
  const viaEdge = new Int32Array(nodeCount);
  const heap = new MinHeap();
  for (;;) {
    distance.fill(Number.POSITIVE_INFINITY);
    settled.fill(0);
    distance[source] = 0;
    heap.clear();
    heap.push(0, source);
    while (heap.size > 0) {
      const node = heap.popNode();
      if (settled[node]) continue;
      settled[node] = 1;
      // Stopping at the sink is enough: unsettled nodes get the sink's distance below, which keeps
      // every reduced cost >= 0.
      if (node === sink) break;
      const base = distance[node]! + potential[node]!;
      for (let edge = head[node]!; edge !== -1; edge = next[edge]!) {
        if (residual[edge]! <= 0) continue;
        const to = target[edge]!;
        if (settled[to]) continue;
        const candidate = base + cost[edge]! - potential[to]!;
        if (candidate < distance[to]!) {
          distance[to] = candidate;
          viaEdge[to] = edge;
          heap.push(candidate, to);
        }
      }
    }
    if (!settled[sink]) break;
    const sinkDistance = distance[sink]!;
    for (let node = 0; node < nodeCount; node += 1) potential[node] = potential[node]! + (settled[node] ? distance[node]! : sinkDistance);
    // potential[sink] is now the true cost of the cheapest augmenting path (potential[source] stays 0).
    if (potential[sink]! >= 0) break;

    let bottleneck = Number.POSITIVE_INFINITY;
    for (let node = sink; node !== source; node = target[viaEdge[node]! ^ 1]!) bottleneck = Math.min(bottleneck, residual[viaEdge[node]!]!);
    for (let node = sink; node !== source; node = target[viaEdge[node]! ^ 1]!) {
      const edge = viaEdge[node]!;
      residual[edge] = residual[edge]! - bottleneck;
      residual[edge ^ 1] = residual[edge ^ 1]! + bottleneck;
    }
  }
  return arcEdges.map((edge) => residual[edge ^ 1]!);
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

type ScoredArc = TransportArc & { score: number; deviceClass: DeviceClass; request: MatchableRequest };

/**
 * The optimal assignment of listed devices to open request slots, with every proposal explained
 * and every request left (partly) unserved given a reason.
 */
export function runMatching(devices: MatchableDevice[], requests: MatchableRequest[], now: number): MatchingResult {
  assertUniqueIds(devices, "device");
  assertUniqueIds(requests, "request");

  // Classes come out in order of their longest-listed member, members in listing order.
  const classes = new Map<string, DeviceClass>();
  for (const device of [...devices].sort(byListingThenId)) {
    const key = classKey(device);
    const existing = classes.get(key);
    if (existing) existing.members.push(device);
    else classes.set(key, { key, representative: device, members: [device] });
  }
  const classesByType = new Map<DeviceType, DeviceClass[]>();
  for (const deviceClass of classes.values()) {
    const list = classesByType.get(deviceClass.representative.type) ?? [];
    list.push(deviceClass);
    classesByType.set(deviceClass.representative.type, list);
  }

  const sortedRequests = [...requests].sort((a, b) => a.id - b.id);
  const served = new Map<number, number>();
  const assignments: { deviceClass: DeviceClass; request: MatchableRequest; count: number }[] = [];
  const hasFeasibleDevice = new Set<number>();

  // Device types never compete with each other: each is its own, smaller transportation problem.
  const types = [...new Set(sortedRequests.map((request) => request.type))].sort();
  for (const type of types) {
    const typeClasses = classesByType.get(type) ?? [];
    const typeRequests = sortedRequests.filter((request) => request.type === type && requestSlots(request) > 0).sort(byApprovalThenId);
    if (typeClasses.length === 0 || typeRequests.length === 0) continue;

    const arcs: ScoredArc[] = [];
    typeClasses.forEach((deviceClass, supplyIndex) => {
      typeRequests.forEach((request, demandIndex) => {
        if (!feasible(deviceClass.representative, request)) return;
        hasFeasibleDevice.add(request.id);
        const score = scoreParts(deviceClass.representative, request, now).total;
        arcs.push({ supplyIndex, demandIndex, profit: 0, score, deviceClass, request });
      });
    });
    if (arcs.length === 0) continue;

    // Tie-break as a secondary objective: each unit of flow earns a small bonus for an early
    // request and an early class. One point of score is worth more than all bonuses together, so
    // the total score stays exactly optimal.
    const supplies = typeClasses.map((deviceClass) => deviceClass.members.length);
    const demands = typeRequests.map(requestSlots);
    const units = Math.min(sum(supplies), sum(demands));
    const bonusPerUnitMax = typeRequests.length + typeClasses.length;
    const scale = units * bonusPerUnitMax + 1;
    const maxScore = arcs.reduce((highest, arc) => Math.max(highest, arc.score), 0);
    const nodeCount = 2 + typeClasses.length + typeRequests.length;
    // Path costs must stay exact integers in a double; on an instance far beyond the city's size,
    // give up the tie-break (not the optimum) rather than exactness.
    const exact = nodeCount * (maxScore + 1) * scale * 4 < Number.MAX_SAFE_INTEGER;
    for (const arc of arcs) {
      const bonus = typeRequests.length - arc.demandIndex + (typeClasses.length - arc.supplyIndex);
      arc.profit = exact ? arc.score * scale + bonus : arc.score;
    }

    const flows = solveMaxProfitTransport(supplies, demands, arcs);
    arcs.forEach((arc, index) => {
      const count = flows[index] ?? 0;
      if (count === 0) return;
      assignments.push({ deviceClass: arc.deviceClass, request: arc.request, count });
      served.set(arc.request.id, (served.get(arc.request.id) ?? 0) + count);
    });
  }

  // Back from classes to devices: within a class the longest-listed devices go first, to requests
  // in id order.
  const proposals: Proposal[] = [];
  const nextMember = new Map<DeviceClass, number>();
  assignments.sort((a, b) => a.request.id - b.request.id);
  for (const { deviceClass, request, count } of assignments) {
    const start = nextMember.get(deviceClass) ?? 0;
    for (const device of deviceClass.members.slice(start, start + count)) {
      const explanation = explain(device, request, now);
      proposals.push({ deviceId: device.id, requestId: request.id, score: explanation.total, explanation });
    }
    nextMember.set(deviceClass, start + count);
  }
  proposals.sort((a, b) => a.requestId - b.requestId || a.deviceId - b.deviceId);

  const unserved: Unserved[] = [];
  for (const request of sortedRequests) {
    const openSlots = requestSlots(request);
    const unservedSlots = openSlots - (served.get(request.id) ?? 0);
    if (unservedSlots <= 0) continue;
    const reason = hasFeasibleDevice.has(request.id) ? "all-taken" : blockingReason(request, classesByType.get(request.type) ?? []);
    unserved.push({ requestId: request.id, openSlots, unservedSlots, reason });
  }

  return { proposals, unserved, totalScore: sum(proposals.map((proposal) => proposal.score)) };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
