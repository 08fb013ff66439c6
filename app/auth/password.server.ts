// Password hashing with argon2id (the @node-rs/argon2 default), with OWASP's recommended cost.
import { hash, verify } from "@node-rs/argon2";

const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when no account has the address, so that a wrong address costs as much
 * time as a wrong password and the timing tells nothing.
 */
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("decoy password that no account has");
  await verifyPassword(await decoyHash, password);
  return false;
}
