// `npm run bench:matching`: speed of the matching engine (app/domain/matching.ts) on a city-sized
// listing: 10,000 listed devices, mostly a few fleet models, against 800 approved requests with
// about 2,000 open slots. The instance is the same on every run (seeded). Prints the median of three
// runs; asserts nothing timed.
import { runMatching, type MatchableDevice, type MatchableRequest, type UnservedReason } from "~/domain/matching";
import type { DeviceType } from "~/domain/devices";

const DEVICE_COUNT = 10_000;
const REQUEST_COUNT = 800;
const RUNS = 3;
const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 30, 9, 0, 0);

/** mulberry32: a small seeded generator, so every run builds the same instance. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = seededRandom(20261130);

function pick<T>(weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

function integerBetween(low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

type Model = { type: DeviceType; ramGb: number | null; storageGb: number | null; screenInches: number | null; hasKeyboard: boolean };

// The city's fleet: a handful of models bought in bulk, so most listed devices are identical.
const models: (readonly [Model, number])[] = [
  [{ type: "laptop", ramGb: 8, storageGb: 256, screenInches: 14, hasKeyboard: true }, 22], // Latitude 5490
  [{ type: "laptop", ramGb: 16, storageGb: 512, screenInches: 14, hasKeyboard: true }, 8], // Latitude 7400
  [{ type: "laptop", ramGb: 8, storageGb: 256, screenInches: 15.6, hasKeyboard: true }, 8], // ProBook 450 G6
  [{ type: "laptop", ramGb: 4, storageGb: 128, screenInches: 13.3, hasKeyboard: true }, 7], // Latitude 3380
  [{ type: "laptop", ramGb: 4, storageGb: 128, screenInches: 12.5, hasKeyboard: true }, 5], // ThinkPad X270
  [{ type: "laptop", ramGb: 16, storageGb: 256, screenInches: 14, hasKeyboard: true }, 6], // EliteBook 840 G5
  [{ type: "laptop", ramGb: 8, storageGb: 128, screenInches: 13.3, hasKeyboard: true }, 4], // MacBook Air
  [{ type: "desktop", ramGb: 8, storageGb: 256, screenInches: null, hasKeyboard: false }, 10], // OptiPlex 7060
  [{ type: "desktop", ramGb: 16, storageGb: 512, screenInches: null, hasKeyboard: false }, 5], // EliteDesk 800 G4
  [{ type: "tablet", ramGb: 2, storageGb: 32, screenInches: 9.7, hasKeyboard: false }, 6], // iPad (6th gen)
  [{ type: "tablet", ramGb: 3, storageGb: 32, screenInches: 10.1, hasKeyboard: false }, 4], // Galaxy Tab A
  [{ type: "monitor", ramGb: null, storageGb: null, screenInches: 24, hasKeyboard: false }, 6], // P2419H
  [{ type: "monitor", ramGb: null, storageGb: null, screenInches: 23.8, hasKeyboard: false }, 4], // E243
  [{ type: "phone", ramGb: 2, storageGb: 64, screenInches: 4.7, hasKeyboard: false }, 3], // iPhone 8
  [{ type: "phone", ramGb: 4, storageGb: 64, screenInches: 5.9, hasKeyboard: false }, 2], // Galaxy A40
];

const layouts = [
  ["AZERTY-BE", 70],
  ["QWERTY-US", 20],
  ["AZERTY-FR", 5],
  ["QWERTZ-DE", 5],
] as const;

function listedDevice(id: number): MatchableDevice {
  const model = pick(models);
  // A few machines were upgraded or had a disk swapped, and a few have a spec nobody recorded.
  const ramGb = model.ramGb !== null && random() < 0.1 ? model.ramGb * 2 : model.ramGb;
  const storageGb = model.storageGb !== null && random() < 0.08 ? (random() < 0.05 ? null : model.storageGb * 2) : model.storageGb;
  return {
    id,
    type: model.type,
    ramGb,
    storageGb,
    screenInches: model.screenInches,
    keyboardLayout: model.hasKeyboard ? pick(layouts) : null,
    listedAt: now - integerBetween(0, 60 * DAY),
  };
}

function approvedRequest(id: number): MatchableRequest {
  const type = pick<DeviceType>([
    ["laptop", 65],
    ["desktop", 12],
    ["tablet", 12],
    ["monitor", 7],
    ["phone", 4],
  ]);
  const computer = type === "laptop" || type === "desktop";
  return {
    id,
    type,
    // Mean 2.5: 800 requests ask for about 2,000 devices.
    openSlots: pick([
      [1, 30],
      [2, 25],
      [3, 20],
      [4, 15],
      [5, 10],
    ]),
    minRamGb: computer
      ? pick([
          [0, 10],
          [4, 30],
          [8, 45],
          [16, 15],
        ])
      : pick([
          [0, 70],
          [2, 30],
        ]),
    minStorageGb: computer
      ? pick([
          [0, 10],
          [128, 40],
          [256, 40],
          [512, 10],
        ])
      : pick([
          [0, 70],
          [32, 30],
        ]),
    minScreenInches:
      type === "laptop"
        ? pick([
            [null, 70],
            [13, 15],
            [14, 10],
            [15, 5],
          ])
        : type === "monitor"
          ? pick([
              [null, 50],
              [23, 40],
              [27, 10],
            ])
          : null,
    keyboardLayout:
      type === "laptop"
        ? pick([
            ["any", 40],
            ["AZERTY-BE", 50],
            ["QWERTY-US", 10],
          ])
        : "any",
    priority: integerBetween(0, 100),
    waitingSince: now - integerBetween(0, 180 * DAY),
  };
}

const devices = Array.from({ length: DEVICE_COUNT }, (_, index) => listedDevice(index + 1));
const requests = Array.from({ length: REQUEST_COUNT }, (_, index) => approvedRequest(index + 1));
const distinctSpecs = new Set(devices.map((each) => JSON.stringify([each.type, each.ramGb, each.storageGb, each.screenInches, each.keyboardLayout]))).size;
const slots = requests.reduce((sum, each) => sum + each.openSlots, 0);
console.log(`Instance: ${devices.length} listed devices (${distinctSpecs} distinct specs), ${requests.length} requests with ${slots} open slots.`);

const durations: number[] = [];
let result: ReturnType<typeof runMatching> | undefined;
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  result = runMatching(devices, requests, now);
  durations.push(performance.now() - started);
}
if (!result) throw new Error("no run");

const sorted = [...durations].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const unservedSlots = new Map<UnservedReason, number>();
for (const each of result.unserved) unservedSlots.set(each.reason, (unservedSlots.get(each.reason) ?? 0) + each.unservedSlots);

console.log(`runMatching: median ${median.toFixed(0)} ms of ${RUNS} runs (${durations.map((each) => each.toFixed(0)).join(", ")} ms)`);
console.log(`proposals:   ${result.proposals.length}`);
console.log(`total score: ${result.totalScore}`);
console.log(`unserved:    ${[...unservedSlots].map(([reason, count]) => `${count} slots ${reason}`).join(", ") || "none"}`);
// resourceUsage reports maxRSS in kilobytes.
console.log(`peak RSS:    ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
