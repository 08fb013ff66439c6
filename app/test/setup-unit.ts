// Each test file gets its own migrated SQLite file, so no test depends on another's data.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.NODE_ENV = "test";
process.env.DATABASE_PATH = path.join(mkdtempSync(path.join(tmpdir(), "circuit-unit-")), "test.db");
process.env.CITY_EMAIL_DOMAIN = "demo.city";

const { db } = await import("~/db.server");
const { applyMigrations } = await import("~db/migrate");
applyMigrations(db);
