import { beforeAll, describe, expect, test } from "vitest";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password.server";

const password = "correct horse battery staple";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(password);
});

describe("hashPassword", () => {
  test("produces an argon2id hash with OWASP's cost", () => {
    expect(passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(passwordHash).not.toContain(password);
  });

  test("salts every hash: the same password hashes differently", async () => {
    const again = await hashPassword(password);
    expect(again).not.toBe(passwordHash);
    expect(await verifyPassword(again, password)).toBe(true);
  });
});

describe("verifyPassword", () => {
  test("is true for the right password", async () => {
    expect(await verifyPassword(passwordHash, password)).toBe(true);
  });

  test("is false for a wrong password, however close", async () => {
    expect(await verifyPassword(passwordHash, "correct horse battery stapler")).toBe(false);
    expect(await verifyPassword(passwordHash, password.toUpperCase())).toBe(false);
    expect(await verifyPassword(passwordHash, "")).toBe(false);
  });

  test("is false, not an error, for something that is not a hash", async () => {
    expect(await verifyPassword("not a hash", password)).toBe(false);
    expect(await verifyPassword("", password)).toBe(false);
  });
});

describe("verifyAgainstDecoy", () => {
  test("is false for any password, even the decoy's own", async () => {
    expect(await verifyAgainstDecoy(password)).toBe(false);
    expect(await verifyAgainstDecoy("decoy password that no account has")).toBe(false);
  });
});
