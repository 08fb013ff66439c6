// `npm run db:seed`: demo data into a new database; refuses when it already holds accounts.
import { applyMigrations } from "~db/migrate";
import { demoAccountsBanner, seedDemoData, SeedRefusedError } from "~db/seed";
import { db } from "~/db.server";

applyMigrations(db);
try {
  await seedDemoData();
  console.log(demoAccountsBanner());
} catch (error) {
  if (error instanceof SeedRefusedError) {
    console.error(`Seed refused: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
