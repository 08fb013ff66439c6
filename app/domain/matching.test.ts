import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { feasible, MATCH_BASE_POINTS, pairScore, runMatching, type MatchableDevice, type MatchableRequest, type MatchingResult } from "./matching";

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 30, 9, 0, 0);

function device(id: number, fields: Partial<MatchableDevice> = {}): MatchableDevice {
  return { id, type: "laptop", ramGb: 8, storageGb: 256, screenInches: 14, keyboardLayout: "AZERTY-BE", listedAt: now - 10 * DAY, ...fields };
}

function request(id: number, fields: Partial<MatchableRequest> = {}): MatchableRequest {
  return {
    id,
    type: "laptop",
    openSlots: 1,
    minRamGb: 8,
    minStorageGb: 256,
    minScreenInches: null,
    keyboardLayout: "any",
    priority: 50,
    waitingSince: now - 10 * DAY,
    ...fields,
  };
}

// Few distinct values, so random instances hold many identical devices and many near misses.
const deviceArbitrary = fc.record({
  type: fc.constantFrom("laptop" as const, "tablet" as const),
  ramGb: fc.constantFrom(null, 2, 4, 8, 16),
  storageGb: fc.constantFrom(null, 64, 128, 256, 512),
  screenInches: fc.constantFrom(null, 10.1, 13.3, 15.6),
  keyboardLayout: fc.constantFrom(null, "AZERTY-BE", "azerty-be", "QWERTY-US"),
  listedAt: fc.integer({ min: now - 30 * DAY, max: now }),
});

const requestArbitrary = fc.record({
  type: fc.constantFrom("laptop" as const, "tablet" as const, "desktop" as const),
  openSlots: fc.integer({ min: 0, max: 3 }),
  minRamGb: fc.constantFrom(0, 4, 8, 16),
  minStorageGb: fc.constantFrom(0, 64, 128, 256),
  minScreenInches: fc.constantFrom(null, 13, 14),
  keyboardLayout: fc.constantFrom("any", "ANY", "AZERTY-BE", "qwerty-us"),
  priority: fc.integer({ min: 0, max: 100 }),
  waitingSince: fc.integer({ min: now - 200 * DAY, max: now + DAY }),
});

type Instance = { devices: MatchableDevice[]; requests: MatchableRequest[] };

/** Random instances with unique, non-sequential ids (ids are a tie-break, so they should vary). */
function instanceArbitrary(maxDevices: number, maxRequests: number): fc.Arbitrary<Instance> {
  return fc
    .record({
      devices: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 10_000 }), deviceArbitrary), { maxLength: maxDevices, selector: ([id]) => id }),
      requests: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 10_000 }), requestArbitrary), { maxLength: maxRequests, selector: ([id]) => id }),
    })
    .map(({ devices, requests }) => ({
      devices: devices.map(([id, fields]) => ({ id, ...fields })),
      requests: requests.map(([id, fields]) => ({ id, ...fields })),
    }));
}

// Fewer distinct values still: classes of several devices, and requests competing for them, so
// a solver that never re-routes an earlier choice falls short of the optimum.
const crowdedDeviceArbitrary = fc.record({
  type: fc.constant("laptop" as const),
  ramGb: fc.constantFrom(4, 8, 16),
  storageGb: fc.constantFrom(128, 256),
  screenInches: fc.constant(14),
  keyboardLayout: fc.constantFrom("AZERTY-BE", "QWERTY-US"),
  listedAt: fc.integer({ min: 0, max: 3 }),
});

const crowdedRequestArbitrary = fc.record({
  type: fc.constant("laptop" as const),
  openSlots: fc.integer({ min: 0, max: 3 }),
  minRamGb: fc.constantFrom(0, 4, 8, 16),
  minStorageGb: fc.constantFrom(0, 128, 256),
  minScreenInches: fc.constant(null),
  keyboardLayout: fc.constantFrom("any", "AZERTY-BE"),
  priority: fc.constantFrom(0, 50, 100),
  waitingSince: fc.constantFrom(now, now - 30 * DAY),
});

function crowdedInstanceArbitrary(maxDevices: number, maxRequests: number): fc.Arbitrary<Instance> {
  return fc
    .record({
      devices: fc.array(crowdedDeviceArbitrary, { maxLength: maxDevices }),
      requests: fc.array(crowdedRequestArbitrary, { maxLength: maxRequests }),
    })
    .map(({ devices, requests }) => ({
      devices: devices.map((fields, index) => ({ id: index + 1, ...fields })),
      requests: requests.map((fields, index) => ({ id: index + 1, ...fields })),
    }));
}

/** The best total score by exhaustive search: every device goes to some request with a slot left, or nowhere. */
function bruteForceOptimum({ devices, requests }: Instance): number {
  const scores = devices.map((each) => requests.map((wanted) => pairScore(each, wanted, now)?.total ?? null));
  const memo = new Map<string, number>();
  const best = (deviceIndex: number, slotsLeft: number[]): number => {
    if (deviceIndex === devices.length) return 0;
    const key = `${deviceIndex}:${slotsLeft.join(",")}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result = best(deviceIndex + 1, slotsLeft);
    scores[deviceIndex]!.forEach((score, requestIndex) => {
      if (score === null || slotsLeft[requestIndex]! === 0) return;
      const after = slotsLeft.map((left, index) => (index === requestIndex ? left - 1 : left));
      result = Math.max(result, score + best(deviceIndex + 1, after));
    });
    memo.set(key, result);
    return result;
  };
  return best(
    0,
    requests.map((each) => Math.max(0, each.openSlots)),
  );
}

function assignedTo(result: MatchingResult, requestId: number): number[] {
  return result.proposals.filter((proposal) => proposal.requestId === requestId).map((proposal) => proposal.deviceId);
}

describe("the rubric (pairScore)", () => {
  test("a pair that gives exactly what was asked scores base + priority + waiting", () => {
    const explanation = pairScore(device(1), request(1, { priority: 70, waitingSince: now - 12 * DAY - 1000 }), now);
    expect(explanation).toEqual({
      priority: 700,
      waiting: 60,
      excessSpec: 0,
      excessParts: { ram: 0, storage: 0, screen: 0 },
      base: MATCH_BASE_POINTS,
      total: MATCH_BASE_POINTS + 760,
      daysWaiting: 12,
      notes: ["priority 70/100", "waiting 12 days", "no more device than asked"],
      parts: [{ kind: "priority", level: 70, of: 100 }, { kind: "waiting", days: 12, countedDays: 12 }, { kind: "as-asked" }],
    });
  });

  test("excess spec is measured against what was asked, and capped", () => {
    const basic = request(1, { minRamGb: 4, minStorageGb: 128, minScreenInches: 13 });
    const twice = pairScore(device(1, { ramGb: 8, storageGb: 256, screenInches: 13 }), basic, now);
    expect(twice?.excessParts).toEqual({ ram: 150, storage: 50, screen: 0 });
    expect(twice?.notes).toContain("8 GB RAM where 4 GB asked");
    expect(twice?.notes).toContain("256 GB storage where 128 GB asked");
    expect(twice?.parts).toEqual([
      { kind: "priority", level: 50, of: 100 },
      { kind: "waiting", days: 10, countedDays: 10 },
      { kind: "ram", deviceGb: 8, askedGb: 4 },
      { kind: "storage", deviceGb: 256, askedGb: 128 },
    ]);
    const huge = pairScore(device(2, { ramGb: 64, storageGb: 2048, screenInches: 27 }), basic, now);
    expect(huge?.excessParts).toEqual({ ram: 450, storage: 150, screen: 100 });
    expect(huge?.total).toBe(MATCH_BASE_POINTS + 500 + 50 - 700);
    expect(huge?.notes).toContain('27" screen where 13" asked');
    // Without a minimum, the floor (4 GB) stands in for "asked": the basic device still wins.
    const open = request(2, { minRamGb: 0, minStorageGb: 0 });
    const small = pairScore(device(3, { ramGb: 4, storageGb: 64 }), open, now);
    const big = pairScore(device(4, { ramGb: 16, storageGb: 512 }), open, now);
    expect(small!.total).toBeGreaterThan(big!.total);
    expect(big?.notes).toContain("16 GB RAM where no minimum RAM asked");
  });

  test("waiting counts whole days, up to 90, and never below zero", () => {
    expect(pairScore(device(1), request(1, { waitingSince: now - DAY + 1 }), now)?.waiting).toBe(0);
    expect(pairScore(device(1), request(1, { waitingSince: now - 90 * DAY }), now)?.waiting).toBe(450);
    const old = pairScore(device(1), request(1, { waitingSince: now - 400 * DAY }), now);
    expect(old?.waiting).toBe(450);
    expect(old?.daysWaiting).toBe(400);
    expect(old?.notes).toContain("waiting 400 days (counted as 90)");
    expect(old?.parts).toContainEqual({ kind: "waiting", days: 400, countedDays: 90 });
    expect(pairScore(device(1), request(1, { waitingSince: now + 5 * DAY }), now)?.waiting).toBe(0);
  });

  test("hard constraints: type, specs (unknown counts as 0), screen, layout, an open slot", () => {
    expect(pairScore(device(1, { type: "tablet" }), request(1), now)).toBeNull();
    expect(pairScore(device(1, { ramGb: 4 }), request(1), now)).toBeNull();
    expect(pairScore(device(1, { storageGb: 128 }), request(1), now)).toBeNull();
    expect(pairScore(device(1, { ramGb: null }), request(1, { minRamGb: 0 }), now)).not.toBeNull();
    expect(pairScore(device(1, { ramGb: null }), request(1, { minRamGb: 1 }), now)).toBeNull();
    expect(pairScore(device(1, { screenInches: 13.3 }), request(1, { minScreenInches: 14 }), now)).toBeNull();
    expect(pairScore(device(1, { screenInches: null }), request(1, { minScreenInches: 14 }), now)).toBeNull();
    expect(pairScore(device(1, { keyboardLayout: "QWERTY-US" }), request(1, { keyboardLayout: "AZERTY-BE" }), now)).toBeNull();
    expect(pairScore(device(1, { keyboardLayout: null }), request(1, { keyboardLayout: "AZERTY-BE" }), now)).toBeNull();
    expect(pairScore(device(1, { keyboardLayout: "azerty-be" }), request(1, { keyboardLayout: "AZERTY-BE" }), now)).not.toBeNull();
    expect(pairScore(device(1, { keyboardLayout: null }), request(1, { keyboardLayout: "Any" }), now)).not.toBeNull();
    expect(feasible(device(1), request(1, { openSlots: 0 }))).toBe(false);
  });

  test("explanations add up, and every feasible pair scores more than nothing", () => {
    fc.assert(
      fc.property(deviceArbitrary, requestArbitrary, (deviceFields, requestFields) => {
        const explanation = pairScore({ id: 1, ...deviceFields }, { id: 1, ...requestFields }, now);
        if (explanation === null) return;
        const { priority, waiting, excessSpec, excessParts, base, total } = explanation;
        expect(priority + waiting - excessSpec + base).toBe(total);
        expect(excessParts.ram + excessParts.storage + excessParts.screen).toBe(excessSpec);
        expect(Number.isInteger(total)).toBe(true);
        expect(total).toBeGreaterThanOrEqual(9_300);
        expect(total).toBeLessThanOrEqual(11_450);
      }),
      { numRuns: 500 },
    );
  });
});

describe("runMatching", () => {
  test("hard constraints and open slots are never violated, and every slot is accounted for", () => {
    fc.assert(
      fc.property(instanceArbitrary(40, 15), ({ devices, requests }) => {
        const result = runMatching(devices, requests, now);
        const devicesById = new Map(devices.map((each) => [each.id, each]));
        const requestsById = new Map(requests.map((each) => [each.id, each]));
        const usedDevices = new Set<number>();
        for (const proposal of result.proposals) {
          const assigned = devicesById.get(proposal.deviceId)!;
          const wanted = requestsById.get(proposal.requestId)!;
          expect(feasible(assigned, wanted)).toBe(true);
          expect(usedDevices.has(proposal.deviceId)).toBe(false);
          usedDevices.add(proposal.deviceId);
          // Every proposal carries its explanation, and it adds up.
          expect(proposal.explanation).toEqual(pairScore(assigned, wanted, now));
          const { priority, waiting, excessSpec, base, total } = proposal.explanation;
          expect(priority + waiting - excessSpec + base).toBe(total);
          expect(total).toBe(proposal.score);
        }
        for (const wanted of requests) {
          const served = assignedTo(result, wanted.id).length;
          const unserved = result.unserved.find((each) => each.requestId === wanted.id);
          expect(served).toBeLessThanOrEqual(wanted.openSlots);
          expect(served + (unserved?.unservedSlots ?? 0)).toBe(wanted.openSlots);
          if (unserved) expect(unserved.unservedSlots).toBeGreaterThan(0);
        }
        expect(result.totalScore).toBe(result.proposals.reduce((total, proposal) => total + proposal.score, 0));
      }),
      { numRuns: 300 },
    );
  });

  test("the total score is the optimum found by exhaustive search (small instances)", () => {
    fc.assert(
      fc.property(fc.oneof(instanceArbitrary(6, 4), crowdedInstanceArbitrary(6, 4)), (instance) => {
        expect(runMatching(instance.devices, instance.requests, now).totalScore).toBe(bruteForceOptimum(instance));
      }),
      { numRuns: 600 },
    );
  });

  test("the total score is the optimum on larger instances full of identical devices", () => {
    fc.assert(
      fc.property(crowdedInstanceArbitrary(12, 6), (instance) => {
        expect(runMatching(instance.devices, instance.requests, now).totalScore).toBe(bruteForceOptimum(instance));
      }),
      { numRuns: 300 },
    );
  });

  test("the same input in any order gives the same output", () => {
    const shuffled = instanceArbitrary(30, 12).chain((instance) =>
      fc.record({
        instance: fc.constant(instance),
        devices: fc.shuffledSubarray(instance.devices, { minLength: instance.devices.length }),
        requests: fc.shuffledSubarray(instance.requests, { minLength: instance.requests.length }),
      }),
    );
    fc.assert(
      fc.property(shuffled, ({ instance, devices, requests }) => {
        expect(runMatching(devices, requests, now)).toEqual(runMatching(instance.devices, instance.requests, now));
      }),
      { numRuns: 300 },
    );
  });

  test("no fitting device is left idle while a request it fits goes short, and the reasons hold", () => {
    fc.assert(
      fc.property(instanceArbitrary(25, 10), ({ devices, requests }) => {
        const result = runMatching(devices, requests, now);
        const assigned = new Set(result.proposals.map((proposal) => proposal.deviceId));
        for (const short of result.unserved) {
          const wanted = requests.find((each) => each.id === short.requestId)!;
          const fitting = devices.filter((each) => feasible(each, wanted));
          expect(fitting.every((each) => assigned.has(each.id))).toBe(true);
          expect(["all-taken", "fewer-than-asked"].includes(short.reason)).toBe(fitting.length > 0);
          expect(short.fittingDevices).toBe(fitting.length);
          // "taken by others" only when another request really got a fitting device, never with a lower score than here.
          expect(short.reason === "all-taken").toBe(
            result.proposals.some((each) => each.requestId !== wanted.id && fitting.some((fit) => fit.id === each.deviceId)),
          );
          for (const taker of short.takenBy) {
            for (const proposal of result.proposals.filter((each) => each.requestId === taker.requestId && fitting.some((fit) => fit.id === each.deviceId))) {
              const here = pairScore(
                devices.find((each) => each.id === proposal.deviceId)!,
                wanted,
                now,
              )!.total;
              expect(proposal.score).toBeGreaterThanOrEqual(here);
              if (taker.higherScore) expect(proposal.score).toBeGreaterThan(here);
            }
          }
          if (short.reason === "no-device-of-type") expect(devices.some((each) => each.type === wanted.type)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("the excess-spec penalty keeps a high-end laptop from a request a basic one serves", () => {
    const basic = device(1, { ramGb: 4, storageGb: 128, listedAt: now - 5 * DAY });
    const highEnd = device(2, { ramGb: 16, storageGb: 512, listedAt: now - 50 * DAY });
    const wantsBasic = request(10, { minRamGb: 4, minStorageGb: 128 });
    const wantsHighEnd = request(11, { minRamGb: 16, minStorageGb: 512 });
    const both = runMatching([highEnd, basic], [wantsHighEnd, wantsBasic], now);
    expect(assignedTo(both, 10)).toEqual([1]);
    expect(assignedTo(both, 11)).toEqual([2]);
    expect(both.unserved).toEqual([]);

    // With only the basic request, the basic laptop goes, though the high-end one was listed first
    // and has the lower id; the high-end one stays free for a request that needs it.
    const alone = runMatching([highEnd, basic], [wantsBasic], now);
    expect(alone.proposals.map((proposal) => proposal.deviceId)).toEqual([1]);
  });

  test("when devices are scarce, the higher need goes first", () => {
    const result = runMatching([device(1)], [request(1, { priority: 40 }), request(2, { priority: 90 })], now);
    expect(assignedTo(result, 2)).toEqual([1]);
    expect(result.unserved).toEqual([
      {
        requestId: 1,
        openSlots: 1,
        unservedSlots: 1,
        reason: "all-taken",
        fittingDevices: 1,
        dismissedDevices: 0,
        takenBy: [{ requestId: 2, devices: 1, higherScore: true }],
      },
    ]);
  });

  test("a request takes no more than its open slots, and one with none takes nothing", () => {
    const devices = [1, 2, 3, 4, 5].map((id) => device(id));
    const result = runMatching(devices, [request(1, { openSlots: 2 }), request(2, { openSlots: 0, priority: 100 })], now);
    expect(assignedTo(result, 1)).toHaveLength(2);
    expect(assignedTo(result, 2)).toEqual([]);
    expect(result.unserved).toEqual([]);
  });

  test("unserved requests say why", () => {
    const devices = [
      device(1, { ramGb: 8, screenInches: 13.3, keyboardLayout: "QWERTY-US" }),
      device(2, { ramGb: 4, screenInches: 15.6, keyboardLayout: "AZERTY-BE" }),
    ];
    const result = runMatching(
      devices,
      [
        request(1, { type: "tablet", openSlots: 2 }),
        request(2, { minRamGb: 32 }),
        request(3, { minScreenInches: 14 }), // 8 GB fits but its screen is small; the 15.6" has too little RAM
        request(4, { keyboardLayout: "AZERTY-BE" }), // only the 8 GB one has the RAM, and it is QWERTY
        request(5, { minRamGb: 4, minStorageGb: 0, openSlots: 3, priority: 10 }),
      ],
      now,
    );
    const none = { fittingDevices: 0, dismissedDevices: 0, takenBy: [] };
    expect(result.unserved).toEqual([
      { requestId: 1, openSlots: 2, unservedSlots: 2, reason: "no-device-of-type", ...none },
      { requestId: 2, openSlots: 1, unservedSlots: 1, reason: "specs-too-high", ...none },
      { requestId: 3, openSlots: 1, unservedSlots: 1, reason: "screen-too-small", ...none },
      { requestId: 4, openSlots: 1, unservedSlots: 1, reason: "keyboard-layout", ...none },
      // Both devices fit request 5 and both are proposed for it: no other request took one.
      { requestId: 5, openSlots: 3, unservedSlots: 1, reason: "fewer-than-asked", fittingDevices: 2, dismissedDevices: 0, takenBy: [] },
    ]);
    expect(assignedTo(result, 5)).toEqual([1, 2]);
  });

  test("ties go to the request approved first and to the longest-listed device", () => {
    const earlyDay = now - 10 * DAY;
    const devices = [device(7, { listedAt: now - DAY }), device(3, { listedAt: now - 2 * DAY }), device(5, { listedAt: now - 3 * DAY })];
    const requests = [request(1, { waitingSince: earlyDay + 1000, openSlots: 1 }), request(2, { waitingSince: earlyDay, openSlots: 1 })];
    const result = runMatching(devices, requests, now);
    // Same day, so the same score: request 2 was approved a second earlier and takes the device
    // listed longest; device 7, listed last, stays.
    expect(result.proposals.map(({ deviceId, requestId }) => ({ deviceId, requestId }))).toEqual([
      { deviceId: 3, requestId: 1 },
      { deviceId: 5, requestId: 2 },
    ]);
    const oneDevice = runMatching([device(9)], requests, now);
    expect(assignedTo(oneDevice, 2)).toEqual([9]);
  });

  test("nothing in, nothing out; duplicate ids are refused", () => {
    expect(runMatching([], [], now)).toEqual({ proposals: [], unserved: [], idleDevices: [], totalScore: 0 });
    expect(runMatching([device(1)], [], now)).toEqual({
      proposals: [],
      unserved: [],
      idleDevices: [{ deviceId: 1, reason: "no-fitting-request" }],
      totalScore: 0,
    });
    expect(() => runMatching([device(1), device(1)], [request(1)], now)).toThrow(/device id 1/);
    expect(() => runMatching([device(1)], [request(1), request(1)], now)).toThrow(/request id 1/);
  });

  test("a lone request short of devices is never said to lose them to a higher score", () => {
    // The case: one request for two laptops, one fitting laptop, no other request open.
    const result = runMatching([device(1), device(2, { type: "tablet" })], [request(1, { openSlots: 2 })], now);
    expect(assignedTo(result, 1)).toEqual([1]);
    expect(result.unserved).toEqual([
      { requestId: 1, openSlots: 2, unservedSlots: 1, reason: "fewer-than-asked", fittingDevices: 1, dismissedDevices: 0, takenBy: [] },
    ]);
    expect(result.idleDevices).toEqual([{ deviceId: 2, reason: "no-fitting-request" }]);
  });

  test("equal scores are reported as such, not as a higher score", () => {
    const result = runMatching([device(1)], [request(1, { waitingSince: now - 10 * DAY }), request(2, { waitingSince: now - 10 * DAY - 1000 })], now);
    expect(assignedTo(result, 2)).toEqual([1]);
    expect(result.unserved[0]?.takenBy).toEqual([{ requestId: 2, devices: 1, higherScore: false }]);
  });
});

describe("dismissed proposals", () => {
  test("dismissing a proposal recomputes without that pair: the freed device goes to the next request", () => {
    const devices = [device(1)];
    const requests = [request(1, { priority: 90 }), request(2, { priority: 40 })];
    const first = runMatching(devices, requests, now);
    expect(assignedTo(first, 1)).toEqual([1]);
    const again = runMatching(devices, requests, now, [{ deviceId: 1, requestId: 1 }]);
    expect(assignedTo(again, 1)).toEqual([]);
    expect(assignedTo(again, 2)).toEqual([1]);
    expect(again.unserved).toEqual([
      { requestId: 1, openSlots: 1, unservedSlots: 1, reason: "dismissed", fittingDevices: 0, dismissedDevices: 1, takenBy: [] },
    ]);
    expect(again.idleDevices).toEqual([]);
  });

  test("the request gets another fitting device, and a device dismissed everywhere is said to be idle for that reason", () => {
    const devices = [device(1, { ramGb: 8 }), device(2, { ramGb: 16, listedAt: now - 20 * DAY })];
    const requests = [request(1)];
    expect(runMatching(devices, requests, now).proposals.map((proposal) => proposal.deviceId)).toEqual([1]);
    const again = runMatching(devices, requests, now, [{ deviceId: 1, requestId: 1 }]);
    expect(again.proposals.map((proposal) => proposal.deviceId)).toEqual([2]);
    expect(again.unserved).toEqual([]);
    expect(again.idleDevices).toEqual([{ deviceId: 1, reason: "dismissed" }]);
    const both = runMatching(devices, requests, now, [
      { deviceId: 1, requestId: 1 },
      { deviceId: 2, requestId: 1 },
    ]);
    expect(both.proposals).toEqual([]);
    expect(both.unserved[0]).toMatchObject({ reason: "dismissed", dismissedDevices: 2, fittingDevices: 0 });
  });

  test("a dismissed pair is never proposed, other pairs stay feasible, and the result stays optimal without it", () => {
    fc.assert(
      fc.property(
        fc.oneof(instanceArbitrary(6, 4), crowdedInstanceArbitrary(6, 4)).chain((instance) =>
          fc.record({
            instance: fc.constant(instance),
            excluded: fc.subarray(instance.devices.flatMap((each) => instance.requests.map((wanted) => ({ deviceId: each.id, requestId: wanted.id })))),
          }),
        ),
        ({ instance, excluded }) => {
          const result = runMatching(instance.devices, instance.requests, now, excluded);
          const dismissed = new Set(excluded.map((pair) => `${pair.deviceId}:${pair.requestId}`));
          for (const proposal of result.proposals) expect(dismissed.has(`${proposal.deviceId}:${proposal.requestId}`)).toBe(false);
          // The optimum over the pairs that remain: a dismissed pair counts as infeasible.
          const withoutDismissed = {
            devices: instance.devices,
            requests: instance.requests,
          };
          const scores = withoutDismissed.devices.map((each) =>
            withoutDismissed.requests.map((wanted) => (dismissed.has(`${each.id}:${wanted.id}`) ? null : (pairScore(each, wanted, now)?.total ?? null))),
          );
          expect(result.totalScore).toBe(
            bestTotal(
              scores,
              withoutDismissed.requests.map((wanted) => Math.max(0, wanted.openSlots)),
            ),
          );
          const proposed = new Set(result.proposals.map((proposal) => proposal.deviceId));
          for (const idle of result.idleDevices) expect(proposed.has(idle.deviceId)).toBe(false);
          expect(result.idleDevices.length + result.proposals.length).toBe(instance.devices.length);
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** The best total by exhaustive search over a score table (null: not allowed). */
function bestTotal(scores: (number | null)[][], slots: number[]): number {
  const best = (deviceIndex: number, slotsLeft: number[]): number => {
    if (deviceIndex === scores.length) return 0;
    let result = best(deviceIndex + 1, slotsLeft);
    scores[deviceIndex]!.forEach((score, requestIndex) => {
      if (score === null || slotsLeft[requestIndex]! === 0) return;
      result = Math.max(
        result,
        score +
          best(
            deviceIndex + 1,
            slotsLeft.map((left, index) => (index === requestIndex ? left - 1 : left)),
          ),
      );
    });
    return result;
  };
  return best(0, slots);
}
