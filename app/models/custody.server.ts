// The custody ledger in the database: append inside the caller's transaction, read back, verify.
import { asc, desc, eq, inArray } from "drizzle-orm";
import { custodyEvents, custodyNotes, organizations, users } from "~db/schema";
import { db, sqlite, type CircuitDatabase } from "~/db.server";
import { chainEvent, custodyEventHash, GENESIS_HASH, holderSchema, parseCustodyDetails, type ChainVerdict, type CustodyEvent } from "~/domain/custody";
import type { CustodyEventDraft, Holder } from "~/domain/lifecycle";
import { verifyLedgerIn } from "./custody-ledger.server";

type CustodyRow = typeof custodyEvents.$inferSelect;

function parseHolder(json: string | null): Holder | null {
  return json === null ? null : holderSchema.parse(JSON.parse(json));
}

export function eventFromRow(row: CustodyRow): CustodyEvent {
  return {
    seq: row.seq,
    deviceId: row.deviceId,
    type: row.type,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    fromHolder: parseHolder(row.fromHolder),
    toHolder: holderSchema.parse(JSON.parse(row.toHolder)),
    actorId: row.actorId,
    at: row.at,
    details: parseCustodyDetails(row.type, JSON.parse(row.details)),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export function custodyHead(database: CircuitDatabase = db): { seq: number; hash: string } | null {
  return database.select({ seq: custodyEvents.seq, hash: custodyEvents.hash }).from(custodyEvents).orderBy(desc(custodyEvents.seq)).limit(1).get() ?? null;
}

export function custodyHeadHash(): string {
  return custodyHead()?.hash ?? GENESIS_HASH;
}

/**
 * Appends the event to the global chain. Call it inside the transaction that changes the device
 * (opened with behavior "immediate", so no other writer can take the same head in between).
 */
export function appendCustodyEvent(tx: CircuitDatabase, event: { deviceId: number; actorId: string; at: number; draft: CustodyEventDraft }): CustodyEvent {
  const chained = chainEvent(custodyHead(tx), {
    deviceId: event.deviceId,
    type: event.draft.type,
    fromStatus: event.draft.fromStatus,
    toStatus: event.draft.toStatus,
    fromHolder: event.draft.fromHolder,
    toHolder: event.draft.toHolder,
    actorId: event.actorId,
    at: event.at,
    details: event.draft.details,
  });
  tx.insert(custodyEvents)
    .values({
      ...chained,
      fromHolder: chained.fromHolder === null ? null : JSON.stringify(chained.fromHolder),
      toHolder: JSON.stringify(chained.toHolder),
      details: JSON.stringify(chained.details),
    })
    .run();
  return chained;
}

export function listDeviceCustody(deviceId: number): CustodyEvent[] {
  return db.select().from(custodyEvents).where(eq(custodyEvents.deviceId, deviceId)).orderBy(asc(custodyEvents.seq)).all().map(eventFromRow);
}

/** Recomputes the whole chain of the app's database (see verifyLedgerIn). */
export function verifyLedger(): ChainVerdict {
  return verifyLedgerIn(sqlite);
}

/**
 * Checks one device's events without walking the whole chain: each recomputes to its stored hash
 * and links to the stored hash of the event just before it in the global chain.
 */
export function verifyDeviceCustody(events: CustodyEvent[]): { intact: boolean; firstBadSeq: number | null } {
  const predecessorSeqs = events.map((event) => event.seq - 1).filter((seq) => seq > 0);
  const predecessors = new Map(
    predecessorSeqs.length === 0
      ? []
      : db
          .select({ seq: custodyEvents.seq, hash: custodyEvents.hash })
          .from(custodyEvents)
          .where(inArray(custodyEvents.seq, predecessorSeqs))
          .all()
          .map((row) => [row.seq, row.hash] as const),
  );
  for (const event of events) {
    const expectedPrevious = event.seq === 1 ? GENESIS_HASH : predecessors.get(event.seq - 1);
    if (event.prevHash !== expectedPrevious || custodyEventHash(event) !== event.hash) return { intact: false, firstBadSeq: event.seq };
  }
  return { intact: true, firstBadSeq: null };
}

/** The texts of custody notes (reasons typed with a release or return), by id, for staff timelines. */
export function custodyNoteTexts(events: CustodyEvent[]): Map<number, string> {
  const ids = events.flatMap((event) => (typeof event.details.reasonNoteId === "number" ? [event.details.reasonNoteId] : []));
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select()
      .from(custodyNotes)
      .where(inArray(custodyNotes.id, ids))
      .all()
      .map((note) => [note.id, note.text] as const),
  );
}

/** Names for holders and roles for actors, for timelines. No e-mail addresses. */
export function custodyParticipants(events: CustodyEvent[]) {
  const organizationIds = new Set<number>();
  const userIds = new Set<string>();
  for (const event of events) {
    for (const holder of [event.fromHolder, event.toHolder]) {
      if (holder?.kind === "organization") organizationIds.add(holder.organizationId);
      if (holder?.kind === "employee") userIds.add(holder.userId);
    }
    userIds.add(event.actorId);
  }
  const organizationNames = new Map(
    organizationIds.size === 0
      ? []
      : db
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, [...organizationIds]))
          .all()
          .map((row) => [row.id, row.name] as const),
  );
  const people = new Map(
    userIds.size === 0
      ? []
      : db
          .select({ id: users.id, name: users.name, role: users.role, organizationId: users.organizationId })
          .from(users)
          .where(inArray(users.id, [...userIds]))
          .all()
          .map((row) => [row.id, row] as const),
  );
  return { organizationNames, people };
}
