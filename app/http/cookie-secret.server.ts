// The secret that signs our cookies (the flash message): SESSION_SECRET when set, otherwise one
// generated on first start and kept in the database, so that it survives restarts and moves of the file.
import { randomBytes } from "node:crypto";
import type { CircuitDatabase } from "~/db.server";
import { env } from "~/env.server";
import { settingOrInitial } from "~/models/app-setting.server";

const settingKey = "cookie_secret";

let cached: string[] | undefined;

/** The secrets for createCookie's `secrets`: the first signs, all are accepted. */
export function cookieSecrets(configured: string | undefined = env.SESSION_SECRET, database?: CircuitDatabase): string[] {
  if (configured) return [configured];
  cached ??= [settingOrInitial(settingKey, () => randomBytes(32).toString("base64url"), database)];
  return cached;
}
