// `npm run db:restore -- <file>`: put a backup in place of DATABASE_PATH. Stop the server first. The
// copy must pass integrity_check and its custody chain must verify; the current database is kept
// beside it as <name>.before-restore-<time>.
import { parseArgs } from "node:util";
import { restoreDatabase } from "~db/backup";
import { env } from "~/env.server";

const { positionals } = parseArgs({ allowPositionals: true, strict: true });
const [copy, ...extra] = positionals;
if (!copy || extra.length > 0) {
  console.error("Usage: npm run db:restore -- <file>   (stop the server first)");
  process.exit(2);
}

const result = restoreDatabase({ copy, databasePath: env.DATABASE_PATH });
if (!result.ok) {
  console.error(`Restore refused (${result.problem}): ${result.detail}`);
  console.error(`${env.DATABASE_PATH} was not changed.`);
  process.exit(1);
}
console.log(`Restored ${copy} to ${result.databasePath}: custody chain intact, ${result.chain.count} events, head ${result.chain.headHash}.`);
console.log(result.keptAs ? `The database it replaced is kept as ${result.keptAs}.` : "There was no database here before.");
console.log("Start the server again (npm run serve); it applies any newer migrations to the restored copy.");
