// `npm start`: migrate the database, seed demo data on a new one (unless DEMO_DATA=false), and serve
// the production build.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { applyMigrations } from "~db/migrate";
import { db, sqlite } from "~/db.server";
import { env, mailDeliveryEnabled } from "~/env.server";
import { cookieSecrets } from "~/http/cookie-secret.server";
import { checkpointAndClose, gracefulShutdown } from "~/http/graceful-shutdown.server";
import { createHttpApp } from "~/http/server";
import { backfillCarbonFigures } from "~/models/carbon-reference.server";
import { countUsers } from "~/models/user.server";

applyMigrations(db);
console.log(`Database ready at ${env.DATABASE_PATH}`);
// Devices from before the carbon reference (or from a bulk load) get their figure once; later starts find none.
const carbonFilled = backfillCarbonFigures();
if (carbonFilled > 0) console.log(`Carbon figures given to ${carbonFilled} devices.`);
// Generated and stored now on a first start, so that every later request signs with the same secret.
cookieSecrets();
console.log(
  env.SESSION_SECRET ? "Cookies are signed with SESSION_SECRET." : "Cookies are signed with the secret stored in the database (SESSION_SECRET is unset).",
);

// The seed (every command) and the mail worker (nodemailer) load only when used: a restart is quicker.
if (env.DEMO_DATA) {
  const { demoAccountsBanner, seedDemoData } = await import("~db/seed");
  if (countUsers() === 0) {
    console.log("New database: seeding demo data…");
    await seedDemoData();
  }
  console.log(demoAccountsBanner());
} else if (countUsers() === 0) {
  console.log("No accounts yet and DEMO_DATA=false: create the first coordinator with `npm run user:create-coordinator`.");
}

const buildPath = path.resolve("build/server/index.js");
const build: ServerBuild = await import(pathToFileURL(buildPath).href);
const server = createHttpApp(build).listen(env.PORT, () => {
  console.log(`Circuit is serving on http://localhost:${env.PORT}`);
});

const delivery = mailDeliveryEnabled ? (await import("~/mail/delivery.server")).startOutboxDelivery() : null;
if (!delivery) console.log("E-mail: SMTP_URL is unset, so nothing is sent; the outbox waits on the mailbox page.");

// SIGTERM (systemd, Docker, a process manager) or Ctrl-C: finish what is in flight, then close. A
// second signal cuts the connections still open; the database is closed cleanly either way.
const shutdown = gracefulShutdown(server, {
  log: (message) => console.log(message),
  afterDrain: async () => {
    // The message in flight is finished and recorded before the database closes.
    await delivery?.stop();
    checkpointAndClose(sqlite);
    console.log("Database closed.");
  },
});
function shutDownOn(signal: NodeJS.Signals) {
  shutdown.shutDown(signal).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("Shutdown failed:", error);
      process.exit(1);
    },
  );
}
process.on("SIGTERM", shutDownOn);
process.on("SIGINT", shutDownOn);
