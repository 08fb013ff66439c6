// Verifying the custody chain stored in any Circuit database file: the live one (verifyLedger), a
// backup being made or a copy about to be restored. Takes the connection, never opens the app's own.
import type Database from "better-sqlite3";
import { createChainVerifier, type ChainVerdict, type CustodyEvent } from "~/domain/custody";

/**
 * Recomputes the whole chain, one row at a time (constant memory for any length). Hashing covers
 * the stored JSON exactly as stored (parsed, then canonicalized), so any change to a stored value,
 * added keys included, breaks the hash; a row that cannot even be parsed counts as altered.
 */
export function verifyLedgerIn(connection: Database.Database): ChainVerdict {
  const verifier = createChainVerifier();
  const rows = connection
    .prepare(
      "SELECT seq, device_id, type, from_status, to_status, from_holder, to_holder, actor_id, at, details, prev_hash, hash FROM custody_events ORDER BY seq",
    )
    .raw(true);
  for (const row of rows.iterate()) {
    const event = eventForVerification(row);
    const ok = "unreadableSeq" in event ? verifier.unreadable(event.unreadableSeq) : verifier.check(event);
    if (!ok) break;
  }
  return verifier.verdict();
}

function eventForVerification(row: unknown): CustodyEvent | { unreadableSeq: number } {
  if (!Array.isArray(row)) return { unreadableSeq: 0 };
  const [seq, deviceId, type, fromStatus, toStatus, fromHolder, toHolder, actorId, at, details, prevHash, hash] = row;
  const readable =
    typeof seq === "number" &&
    typeof deviceId === "number" &&
    typeof type === "string" &&
    (fromStatus === null || typeof fromStatus === "string") &&
    typeof toStatus === "string" &&
    (fromHolder === null || typeof fromHolder === "string") &&
    typeof toHolder === "string" &&
    typeof actorId === "string" &&
    typeof at === "number" &&
    typeof details === "string" &&
    typeof prevHash === "string" &&
    typeof hash === "string";
  if (!readable) return { unreadableSeq: typeof seq === "number" ? seq : 0 };
  try {
    // Deliberately untyped: the hash, not a schema, decides whether these values are genuine.
    return {
      seq,
      deviceId,
      type,
      fromStatus,
      toStatus,
      fromHolder: fromHolder === null ? null : JSON.parse(fromHolder),
      toHolder: JSON.parse(toHolder),
      actorId,
      at,
      details: JSON.parse(details),
      prevHash,
      hash,
    };
  } catch {
    return { unreadableSeq: seq };
  }
}
