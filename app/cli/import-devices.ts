// `npm run import -- file.csv --department "Name" [--dry-run] [--date-order DMY|MDY|YMD] [--update]`:
// registers an inventory file for a department in one transaction, as the first active coordinator.
// A progress bar on a terminal, plain lines otherwise; the same summary as the page; exit 1 when rows were refused.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { env } from "~/env.server";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    department: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    update: { type: "boolean", default: false },
    "date-order": { type: "string" },
  },
});
const file = positionals[0];
if (!file || !values.department) {
  console.error('Usage: npm run import -- file.csv --department "Name" [--dry-run] [--update] [--date-order DMY|MDY|YMD]');
  process.exit(2);
}
if (!existsSync(env.DATABASE_PATH)) {
  console.error(`No database at ${env.DATABASE_PATH}: set DATABASE_PATH to the Circuit database.`);
  process.exit(2);
}
// Imported only now: opening the connection would create an empty database at a wrong path.
const { decodeCsvBytes } = await import("~/domain/device-import/decode");
const { dateOrders } = await import("~/domain/device-import/values");
const { importDevices } = await import("~/commands/imports/import-devices.server");
const { departmentNamed, operatorCoordinatorId } = await import("~/models/device-import.server");
const { getSessionUser } = await import("~/models/user.server");
const { lifecycleActorOf } = await import("~/auth/guards.server");
const { translate } = await import("~/i18n/lookup");
const { messageParts } = await import("~/forms/fields");

const departmentId = departmentNamed(values.department);
if (departmentId === null) {
  console.error(`No department named “${values.department}”.`);
  process.exit(2);
}
const coordinatorId = operatorCoordinatorId();
const coordinator = coordinatorId ? getSessionUser(coordinatorId) : null;
if (!coordinator) {
  console.error("No active coordinator to act as: create one with `npm run user:create-coordinator`.");
  process.exit(2);
}
const dateOrder = dateOrders.find((order) => order === values["date-order"]);

const started = performance.now();
const csv = decodeCsvBytes(readFileSync(file));
const bar = process.stdout.isTTY ? new cliProgress.SingleBar({ format: "Importing [{bar}] {value}/{total} rows" }, cliProgress.Presets.shades_classic) : null;
let lastLine = 0;
const result = importDevices(
  lifecycleActorOf(coordinator),
  { csv, departmentId, dryRun: values["dry-run"], update: values.update, dateOrder },
  {
    keepRows: "problems",
    onProgress: (done, total) => {
      if (bar) {
        if (done <= 1000) bar.start(total, 0);
        bar.update(done);
      } else if (done - lastLine >= 10_000 || done === total) {
        lastLine = done;
        console.log(`${done}/${total} rows`);
      }
    },
  },
);
bar?.stop();
if (!result.ok) {
  const message = "fields" in result && result.fields ? Object.values(result.fields).flat().join(" ") : "";
  console.error(`Refused: ${result.reason}. ${message}`);
  if (result.reason === "import-missing-column") console.error(translate("en", "errors.import.missingSerialColumn"));
  process.exit(1);
}
const { created, unchanged, updated, refused, rows, dryRun } = result.value;
for (const row of rows) {
  if (row.status !== "refused" && row.status !== "different") continue;
  const reasons = Object.entries(row.fields ?? {}).map(
    ([field, messages]) =>
      `${translate("en", `imports.fields.${field}`)}: ${messages.map((message) => translate("en", messageParts(message).key, messageParts(message).values)).join(" ")}`,
  );
  console.log(`line ${row.line}: ${reasons.join(" | ")}`);
}
console.log(
  `${dryRun ? "Dry run (nothing written): " : ""}created ${created}, already present ${unchanged} (unchanged), updated ${updated}, refused ${refused} — ${((performance.now() - started) / 1000).toFixed(2)} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`,
);
process.exit(refused > 0 ? 1 : 0);
