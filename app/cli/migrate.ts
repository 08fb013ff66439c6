// `npm run db:migrate`: apply the committed migrations to DATABASE_PATH.
import { applyMigrations } from "~db/migrate";
import { db } from "~/db.server";
import { env } from "~/env.server";

applyMigrations(db);
console.log(`Migrations applied to ${env.DATABASE_PATH}`);
