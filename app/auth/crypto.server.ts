// Secrets handed to people (session ids, API tokens, invite links) are random and stored only as
// their SHA-256 hash: a copy of the database is no key to anything.
import { createHash, randomBytes } from "node:crypto";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** 32 random bytes as base64url: 256 bits, unguessable. */
export function randomSecret(byteLength = 32): string {
  return randomBytes(byteLength).toString("base64url");
}
