import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { randomSecret, sha256Hex } from "./crypto.server";

describe("sha256Hex", () => {
  test("matches the published SHA-256 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("hashes the UTF-8 bytes of the text", () => {
    // "é" is two bytes in UTF-8 (c3 a9); hashed as Latin-1 it would be the one byte e9.
    const utf8Bytes = createHash("sha256")
      .update(Buffer.from([0xc3, 0xa9]))
      .digest("hex");
    const latin1Byte = createHash("sha256")
      .update(Buffer.from([0xe9]))
      .digest("hex");
    expect(sha256Hex("é")).toBe(utf8Bytes);
    expect(sha256Hex("é")).not.toBe(latin1Byte);
  });
});

describe("randomSecret", () => {
  test("is 32 bytes as base64url by default: 43 characters, no padding", () => {
    const secret = randomSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, "base64url")).toHaveLength(32);
  });

  test("takes another length", () => {
    expect(Buffer.from(randomSecret(16), "base64url")).toHaveLength(16);
  });

  test("does not repeat", () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => randomSecret()));
    expect(secrets.size).toBe(1000);
  });
});
