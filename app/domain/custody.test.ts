import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  canonicalSerialization,
  chainEvent,
  custodyDetailsSchemas,
  custodyEventHash,
  describeVerdict,
  GENESIS_HASH,
  parseCustodyDetails,
  verifyChain,
  type CustodyEvent,
} from "./custody";

const at = Date.UTC(2026, 10, 30, 9, 0, 0);

function buildChain(length: number): CustodyEvent[] {
  const events: CustodyEvent[] = [];
  for (let index = 0; index < length; index += 1) {
    const head = events.at(-1) ?? null;
    events.push(
      chainEvent(head, {
        deviceId: (index % 3) + 1,
        type: index % 2 === 0 ? "register" : "collect",
        fromStatus: index % 2 === 0 ? null : "registered",
        toStatus: index % 2 === 0 ? "registered" : "collected",
        fromHolder: index % 2 === 0 ? null : { kind: "organization", organizationId: 1 },
        toHolder: { kind: "organization", organizationId: index % 2 === 0 ? 1 : 2 },
        actorId: `user-${index % 4}`,
        at: at + index * 1000,
        details: index % 2 === 0 ? {} : { note: `event ${index}` },
      }),
    );
  }
  return events;
}

describe("canonical serialization", () => {
  test("sorts keys and leaves no whitespace (RFC 8785)", () => {
    const [first] = buildChain(1);
    expect(canonicalSerialization(first!)).toBe(
      `{"actorId":"user-0","at":${at},"details":{},"deviceId":1,"fromHolder":null,"fromStatus":null,"prevHash":"${GENESIS_HASH}","seq":1,"toHolder":{"kind":"organization","organizationId":1},"toStatus":"registered","type":"register"}`,
    );
  });

  test("does not depend on the order in which fields were written", () => {
    const [first] = buildChain(1);
    const { hash: _hash, ...payload } = first!;
    const shuffled = Object.fromEntries(Object.entries(payload).reverse());
    expect(custodyEventHash({ ...payload, ...shuffled })).toBe(first!.hash);
  });

  test("the hash is the SHA-256 of the canonical text", () => {
    const [first] = buildChain(1);
    const { hash, ...payload } = first!;
    expect(hash).toBe(createHash("sha256").update(canonicalSerialization(first!), "utf8").digest("hex"));
    expect(custodyEventHash(payload)).toBe(hash);
    expect(first!.prevHash).toBe(GENESIS_HASH);
  });
});

describe("chain verification", () => {
  test("an untouched chain verifies and reports its head", () => {
    const events = buildChain(25);
    expect(verifyChain(events)).toEqual({ intact: true, count: 25, headHash: events.at(-1)!.hash });
    expect(verifyChain([])).toEqual({ intact: true, count: 0, headHash: GENESIS_HASH });
  });

  test("an altered field is named by its sequence number", () => {
    const events = buildChain(10);
    events[6] = { ...events[6]!, toHolder: { kind: "organization", organizationId: 99 } };
    expect(verifyChain(events)).toMatchObject({ intact: false, firstBadSeq: 7, problem: "hash-mismatch", count: 6 });
  });

  test("an altered event with a recomputed hash breaks the next link", () => {
    const events = buildChain(10);
    const { hash: _hash, ...payload } = events[3]!;
    const forged = { ...payload, actorId: "someone-else" };
    events[3] = { ...forged, hash: custodyEventHash(forged) };
    expect(verifyChain(events)).toMatchObject({ intact: false, firstBadSeq: 5, problem: "broken-link" });
  });

  test("a removed event shows as a gap in the sequence", () => {
    const events = buildChain(10);
    events.splice(4, 1);
    expect(verifyChain(events)).toMatchObject({ intact: false, firstBadSeq: 6, expectedSeq: 5, problem: "sequence-gap" });
    expect(describeVerdict(verifyChain(events))).toContain("event 6");
  });

  test("a removed last event is undetectable by the chain alone: the published head hash exposes it", () => {
    const events = buildChain(10);
    const publishedHead = events.at(-1)!.hash;
    const verdict = verifyChain(events.slice(0, -1));
    expect(verdict.intact && verdict.headHash).not.toBe(publishedHead);
  });

  test("reordered events are detected", () => {
    const events = buildChain(10);
    const swapped = [...events];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(verifyChain(swapped)).toMatchObject({ intact: false, firstBadSeq: 4 });
    const renumbered = swapped.map((event, index) => ({ ...event, seq: index + 1 }));
    expect(verifyChain(renumbered)).toMatchObject({ intact: false, firstBadSeq: 3 });
  });

  test("any change to any one field of any one event is detected at or before that event", () => {
    const events = buildChain(12);
    const fields = ["deviceId", "type", "fromStatus", "toStatus", "actorId", "at", "details", "toHolder"] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: events.length - 1 }), fc.constantFrom(...fields), fc.string({ minLength: 1 }), (index, field, noise) => {
        const tampered = [...events];
        const original = tampered[index]!;
        const changed: CustodyEvent =
          field === "deviceId" || field === "at"
            ? { ...original, [field]: original[field] + 1 }
            : field === "details"
              ? { ...original, details: { ...original.details, noise } }
              : field === "toHolder"
                ? { ...original, toHolder: { kind: "recycler", name: noise } }
                : { ...original, [field]: `${String(original[field])}${noise}` };
        tampered[index] = changed;
        const verdict = verifyChain(tampered);
        expect(verdict.intact).toBe(false);
        if (!verdict.intact) expect(verdict.firstBadSeq).toBe(original.seq);
      }),
    );
  });
});

describe("a recycle event's details", () => {
  test("name the recycler by its organization id; events written before keep their typed name", () => {
    expect(parseCustodyDetails("recycle", { recyclerId: 7, certificateNumber: "R2-1" })).toEqual({ recyclerId: 7, certificateNumber: "R2-1" });
    expect(parseCustodyDetails("recycle", { recycler: "GreenCycle NV", certificateNumber: "R2-1" })).toEqual({
      recycler: "GreenCycle NV",
      certificateNumber: "R2-1",
    });
    expect(custodyDetailsSchemas.recycle.safeParse({ recyclerId: "7", certificateNumber: "R2-1" }).success).toBe(false);
    expect(custodyDetailsSchemas.recycle.safeParse({ recyclerId: 7, recycler: "GreenCycle NV", certificateNumber: "R2-1" }).success).toBe(false);
  });
});
