// `npm run custody:verify`: recompute the whole custody chain. Prints the number of events and the
// head hash and exits 0 when intact; exits 1 naming the first event that does not verify.
import { describeVerdict } from "~/domain/custody";
import { env } from "~/env.server";
import { verifyLedger } from "~/models/custody.server";

const started = performance.now();
const verdict = verifyLedger();
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(describeVerdict(verdict));
console.log(`Database ${env.DATABASE_PATH}; verified in ${seconds} s.`);
process.exit(verdict.intact ? 0 : 1);
