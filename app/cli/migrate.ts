// `npm run db:migrate`: apply the committed migrations to DATABASE_PATH.
import { applyMigrations } from "~db/migrate";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { backfillCarbonFigures } from "~/models/carbon-reference.server";

applyMigrations(db);
console.log(`Migrations applied to ${env.DATABASE_PATH}`);
console.log(`Carbon figures given to ${backfillCarbonFigures()} devices without one.`);
