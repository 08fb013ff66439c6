// `npm run custody:verify`: recompute the whole custody chain. Prints the number of events and the
// head hash and exits 0 when intact; exits 1 naming the first event that does not verify.
import { existsSync } from "node:fs";
import { env } from "~/env.server";

if (!existsSync(env.DATABASE_PATH)) {
  console.error(`No database at ${env.DATABASE_PATH}: set DATABASE_PATH to the Circuit database to verify.`);
  process.exit(2);
}
// Imported only now: opening the connection would create an empty database at a wrong path.
const { describeVerdict } = await import("~/domain/custody");
const { verifyLedger } = await import("~/models/custody.server");

const started = performance.now();
const verdict = verifyLedger();
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(describeVerdict(verdict));
console.log(`Database ${env.DATABASE_PATH}; verified in ${seconds} s.`);
process.exit(verdict.intact ? 0 : 1);
