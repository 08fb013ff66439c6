// `npm run user:create-coordinator -- --email a@city.be --name "A B" --organization "ICT"`:
// the first account of a real deployment (started with DEMO_DATA=false). The password is read from
// the COORDINATOR_PASSWORD environment variable so that it stays out of the shell history.
import { parseArgs } from "node:util";
import { applyMigrations } from "~db/migrate";
import { hashPassword } from "~/auth/password.server";
import { db } from "~/db.server";
import { PASSWORD_MIN_LENGTH } from "~/domain/accounts";
import { insertOrganization, listCityOrganizations } from "~/models/organization.server";
import { emailIsTaken, insertUser } from "~/models/user.server";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, organization: { type: "string" } },
});
const password = process.env.COORDINATOR_PASSWORD ?? "";

if (!values.email || !values.name || !values.organization || password.length < PASSWORD_MIN_LENGTH) {
  console.error(
    `Usage: COORDINATOR_PASSWORD=… npm run user:create-coordinator -- --email ADDRESS --name NAME --organization "IT SERVICE NAME" (password at least ${PASSWORD_MIN_LENGTH} characters)`,
  );
  process.exit(1);
}
applyMigrations(db);
if (emailIsTaken(values.email)) {
  console.error(`An account with ${values.email} exists already.`);
  process.exit(1);
}
const organizationId =
  listCityOrganizations().find((organization) => organization.name === values.organization)?.id ??
  insertOrganization({ name: values.organization, kind: "it_service", status: "approved" });
insertUser({ email: values.email, name: values.name, role: "coordinator", organizationId, passwordHash: await hashPassword(password) });
console.log(`Coordinator ${values.email} created in ${values.organization}.`);
