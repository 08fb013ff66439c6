// A second process that writes to DATABASE_PATH for WRITE_MS milliseconds: registers devices through
// the real command, one transaction (and one custody event) each. Prints "writing" after the first
// commit and the number of devices registered at the end: a busy server, for the backup tests.
import { registerDevice } from "~/commands/devices/register-device.server";
import type { UserActor } from "~/domain/lifecycle";
import { insertOrganization } from "~/models/organization.server";
import { insertUser } from "~/models/user.server";
import { deviceInput } from "./factories";

const tag = `W${process.pid}`;
const department = insertOrganization({ name: `${tag} department`, kind: "department", status: "approved" });
const itService = insertOrganization({ name: `${tag} IT`, kind: "it_service", status: "approved" });
const userId = insertUser({
  email: `${tag.toLowerCase()}@test.example`,
  name: `${tag} coordinator`,
  role: "coordinator",
  organizationId: itService,
  passwordHash: "x",
});
const actor: UserActor = { kind: "user", userId, role: "coordinator", organizationId: itService, organizationStatus: "approved" };

const until = Date.now() + Number(process.env.WRITE_MS ?? 1000);
let registered = 0;
while (Date.now() < until) {
  const n = `${tag}-${registered}`;
  const result = registerDevice(actor, {
    ...deviceInput({ assetTag: n, serial: `SN-${n}`, media: [{ serial: `MED-${n}`, kind: "SSD", capacityGb: 256 }] }),
    departmentId: department,
  });
  if (!result.ok) throw new Error(`registration refused: ${JSON.stringify(result)}`);
  registered += 1;
  if (registered === 1) process.stdout.write("writing\n");
}
process.stdout.write(`registered ${registered}\n`);
