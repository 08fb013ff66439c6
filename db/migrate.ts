// Applies the committed drizzle migrations. Used by `npm run db:migrate`, `npm start` and tests.
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { CircuitDatabase } from "~/db.server";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export function applyMigrations(db: CircuitDatabase) {
  migrate(db, { migrationsFolder });
}
