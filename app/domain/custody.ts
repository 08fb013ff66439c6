// The chain of custody's hashing and verification. One global chain: each event carries the hash
// of the event before it, and its own hash covers all its other fields, so changing, removing or
// reordering any event breaks the chain from that point on.
//
// Canonical serialization: the event's fields as one JSON object serialized by the JSON
// Canonicalization Scheme (RFC 8785, the `canonicalize` package): keys sorted by UTF-16 code
// units, no whitespace, numbers in their shortest ECMAScript form, strings escaped minimally. The
// object has exactly these keys: seq, deviceId, type, fromStatus, toStatus, fromHolder, toHolder
// (Holder objects or null), actorId, at (epoch ms), details (an object), prevHash. The hash is the
// lower-case hex SHA-256 of the UTF-8 bytes of that text. The first event's prevHash is 64 zeros.
//
// People appear only by id (actorId; an employee holder's userId): names, e-mail addresses and
// signatures live in their own tables, so a person's data can be erased without breaking the chain.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { z } from "zod";
import { isLifecycleAction, type Holder, type LifecycleAction } from "./lifecycle";

export const GENESIS_HASH = "0".repeat(64);

/** A JSON value: details may hold lists and objects (the drives and specifications a collection corrected). */
export type CustodyDetailValue = string | number | boolean | null | CustodyDetailValue[] | { [key: string]: CustodyDetailValue };
export type CustodyDetails = Record<string, CustodyDetailValue>;

/** Every field of an event except its own hash. */
export type CustodyEventPayload = {
  seq: number;
  deviceId: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  fromHolder: Holder | null;
  toHolder: Holder;
  actorId: string;
  at: number;
  details: CustodyDetails;
  prevHash: string;
};

export type CustodyEvent = CustodyEventPayload & { hash: string };

export function canonicalSerialization(payload: CustodyEventPayload): string {
  const ordered: CustodyEventPayload = {
    seq: payload.seq,
    deviceId: payload.deviceId,
    type: payload.type,
    fromStatus: payload.fromStatus,
    toStatus: payload.toStatus,
    fromHolder: payload.fromHolder,
    toHolder: payload.toHolder,
    actorId: payload.actorId,
    at: payload.at,
    details: payload.details,
    prevHash: payload.prevHash,
  };
  const text = canonicalize(ordered);
  if (text === undefined) throw new Error("A custody event could not be serialized");
  return text;
}

export function custodyEventHash(payload: CustodyEventPayload): string {
  return createHash("sha256").update(canonicalSerialization(payload), "utf8").digest("hex");
}

/** The next event of the chain, after `head` (null for the very first event). */
export function chainEvent(head: { seq: number; hash: string } | null, event: Omit<CustodyEventPayload, "seq" | "prevHash">): CustodyEvent {
  const payload: CustodyEventPayload = { ...event, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
  return { ...payload, hash: custodyEventHash(payload) };
}

export type ChainProblem = "sequence-gap" | "broken-link" | "hash-mismatch";

export type ChainVerdict =
  { intact: true; count: number; headHash: string } | { intact: false; count: number; firstBadSeq: number; problem: ChainProblem; expectedSeq: number };

/**
 * Checks events one at a time, in sequence order, so that a million events need no more memory
 * than one. Sequence numbers must run 1, 2, 3, …; each event must link to the one before and hash
 * to its stored hash. The first event that fails is named.
 */
export function createChainVerifier() {
  let count = 0;
  let previousHash = GENESIS_HASH;
  let failure: Extract<ChainVerdict, { intact: false }> | null = null;

  return {
    check(event: CustodyEvent): boolean {
      if (failure) return false;
      const expectedSeq = count + 1;
      const problem: ChainProblem | null =
        event.seq !== expectedSeq
          ? "sequence-gap"
          : event.prevHash !== previousHash
            ? "broken-link"
            : custodyEventHash(event) !== event.hash
              ? "hash-mismatch"
              : null;
      if (problem) {
        failure = { intact: false, count, firstBadSeq: event.seq, problem, expectedSeq };
        return false;
      }
      count += 1;
      previousHash = event.hash;
      return true;
    },
    /** A stored event that cannot even be read back counts as altered. */
    unreadable(seq: number): false {
      failure ??= { intact: false, count, firstBadSeq: seq, problem: "hash-mismatch", expectedSeq: count + 1 };
      return false;
    },
    verdict(): ChainVerdict {
      return failure ?? { intact: true, count, headHash: previousHash };
    },
  };
}

export function verifyChain(events: Iterable<CustodyEvent>): ChainVerdict {
  const verifier = createChainVerifier();
  for (const event of events) if (!verifier.check(event)) break;
  return verifier.verdict();
}

/** A human-readable line for a verdict, as custody:verify prints it. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.intact) return `Custody chain intact: ${verdict.count} events, head hash ${verdict.headHash}`;
  const what = {
    "sequence-gap": `sequence number ${verdict.firstBadSeq} where ${verdict.expectedSeq} was expected (an event was removed or reordered)`,
    "broken-link": "its previous-hash does not match the event before it (an event was removed, reordered or rewritten)",
    "hash-mismatch": "its contents do not match its hash (the event was altered)",
  }[verdict.problem];
  return `Custody chain BROKEN at event ${verdict.firstBadSeq}: ${what}. ${verdict.count} events before it verify.`;
}

/** Holders as stored in events, checked when read back. */
export const holderSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("organization"), organizationId: z.number().int() }),
  z.object({ kind: z.literal("employee"), userId: z.string() }),
  z.object({ kind: z.literal("recycler"), name: z.string() }),
]);

const detailValue: z.ZodType<CustodyDetailValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(detailValue), z.record(detailValue)]),
);

const mediumFacts = z.object({ serial: z.string(), kind: z.string(), capacityGb: z.number() }).strict();
const specValue = z.union([z.string(), z.number(), z.null()]);
/** Specifications a technician corrected: each field with what was registered and what was found. */
const specsCorrected = z.record(z.object({ from: specValue, to: specValue }).strict());

/** The details each event type records (Documenso-style typed audit payloads). */
export const custodyDetailsSchemas = {
  register: z.object({}).strict(),
  /** What the technician found different from the registration (nothing when collected as registered). */
  collect: z
    .object({
      mediaAdded: z.array(mediumFacts).optional(),
      mediaRemoved: z.array(mediumFacts).optional(),
      mediaCorrected: z.array(z.object({ from: mediumFacts, to: mediumFacts }).strict()).optional(),
      specsCorrected: specsCorrected.optional(),
    })
    .strict(),
  certify: z.object({ certificateNumber: z.string() }).strict(),
  list: z.object({ grade: z.enum(["A", "B", "C", "parts"]), specsCorrected: specsCorrected.optional() }).strict(),
  reserve: z.object({ requestId: z.number().nullable(), purchaseId: z.number().nullable() }).strict(),
  release: z.object({ reasonNoteId: z.number().nullable() }).strict(),
  handover: z.object({ signatureId: z.number().nullable() }).strict(),
  return: z.object({ reasonNoteId: z.number().nullable() }).strict(),
  recycle: z.union([
    z.object({ recyclerId: z.number().int(), certificateNumber: z.string() }).strict(),
    /** Events from before recyclers were organizations named the recycler in free text; they stay as hashed. */
    z.object({ recycler: z.string(), certificateNumber: z.string() }).strict(),
  ]),
} satisfies Record<LifecycleAction, z.ZodType<CustodyDetails>>;

/**
 * Reads an event's details back with the schema of its type. Unknown types or shapes are kept as
 * plain values (the chain verifier, not this parser, decides whether an event is genuine).
 */
export function parseCustodyDetails(type: string, details: unknown): CustodyDetails {
  const schema: z.ZodType<CustodyDetails> | undefined = isLifecycleAction(type) ? custodyDetailsSchemas[type] : undefined;
  const parsed = schema?.safeParse(details);
  if (parsed?.success) return parsed.data;
  return z.record(detailValue).catch({}).parse(details);
}
