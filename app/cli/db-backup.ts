// `npm run db:backup -- <file> [--force]`: an online copy of DATABASE_PATH, made with SQLite's backup
// API while the server runs, then checked (integrity_check and the custody chain) before it counts.
import { parseArgs } from "node:util";
import { backUpDatabase } from "~db/backup";
import { env } from "~/env.server";

const usage = "Usage: npm run db:backup -- <file> [--force]   (--force replaces an existing file)";

function parsedArguments() {
  try {
    return parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(usage);
    process.exit(2);
  }
}

const { values, positionals } = parsedArguments();
const [destination, ...extra] = positionals;
if (!destination || extra.length > 0) {
  console.error(usage);
  process.exit(2);
}

const started = performance.now();
const result = await backUpDatabase({ databasePath: env.DATABASE_PATH, destination, force: values.force === true });
if (!result.ok) {
  console.error(`Backup refused (${result.problem}): ${result.detail}`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`Backed up ${env.DATABASE_PATH} to ${result.file}: ${formatBytes(result.sizeBytes)} in ${seconds} s.`);
console.log(`Checked: integrity ok; custody chain intact, ${result.chain.count} events, head ${result.chain.headHash}.`);

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
