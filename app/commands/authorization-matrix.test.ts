// The authorization matrix, generated from the permission table and the list of commands: every
// command × every role and a member of a pending organization. Each case builds a fixture that fits
// the actor (their own department's device, a device reserved for their own school…); an actor the
// permission table allows must succeed, every other one must get the `forbidden` refusal. A command
// that forgets its permission check fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { UserActor } from "~/domain/lifecycle";
import { roles } from "~/domain/organizations";
import { can, type PermissionAction } from "~/domain/permissions";
import shredosLog from "~/domain/fixtures/nwipe/shredos-dodshort-single.log?raw";
import {
  commandValue,
  createActor,
  createOrganization,
  createRecycler,
  deviceInput,
  deviceInState,
  lifecycleCast,
  nextNumber,
  outboxEmail,
  passingWipe,
  readyForPickup,
  wipeEveryMedium,
} from "~/test/factories";
import { apiTokens } from "~db/schema";
import { db } from "~/db.server";
import type { CommandResult } from "./command.server";
import { createInvite } from "./invites/create-invite.server";
import { resendEmail } from "./outbox/resend-email.server";
import { createApiToken } from "./tokens/create-api-token.server";
import { revokeApiToken } from "./tokens/revoke-api-token.server";
import { revokeAllApiTokens } from "./tokens/revoke-all-api-tokens.server";
import { setLanguage } from "./accounts/set-language.server";
import { bulkCollectDevices, bulkListDevices } from "./devices/bulk-transition.server";
import { addStorageMedium } from "./devices/add-storage-medium.server";
import { certifyDevice } from "./devices/certify-device.server";
import { collectDevice } from "./devices/collect-device.server";
import { editRegistration } from "./devices/edit-registration.server";
import { handOverDevice } from "./devices/hand-over-device.server";
import { listDevice } from "./devices/list-device.server";
import { recycleDevice } from "./devices/recycle-device.server";
import { registerDevice } from "./devices/register-device.server";
import { releaseDevice } from "./devices/release-device.server";
import { returnDevice } from "./devices/return-device.server";
import { signHandover } from "./devices/sign-handover.server";
import { confirmMatch } from "./matches/confirm-match.server";
import { preparePickup } from "./matches/prepare-pickup.server";
import { chooseMatch } from "./matches/choose-match.server";
import { confirmMatches } from "./matches/confirm-matches.server";
import { markNotificationsRead } from "./notifications/mark-notifications-read.server";
import { addRecycler } from "./organizations/add-recycler.server";
import { reviewOrganization } from "./organizations/review-organization.server";
import { updateRecycler } from "./organizations/update-recycler.server";
import { approveRequest } from "./requests/approve-request.server";
import { cancelRequest } from "./requests/cancel-request.server";
import { fileRequest } from "./requests/file-request.server";
import { rejectRequest } from "./requests/reject-request.server";
import { readWipeLog } from "./wipes/read-wipe-log.server";
import { recordWipe } from "./wipes/record-wipe.server";
import { validateWipe } from "./wipes/validate-wipe.server";
import { recordStorageAbsence } from "./wipes/record-storage-absence.server";
import { validateStorageAbsence } from "./wipes/validate-storage-absence.server";
import { deactivateUser } from "./users/deactivate-user.server";
import { reactivateUser } from "./users/reactivate-user.server";
import { updateOrganizationContact } from "./organizations/update-organization-contact.server";
import { chooseImportOptions } from "./imports/choose-import-options.server";
import { importDevices } from "./imports/import-devices.server";
import { uploadDeviceImport } from "./imports/upload-device-import.server";

type MatrixCase = {
  /** The permission the command needs, from app/domain/permissions.ts. */
  permission: PermissionAction;
  /** Builds a fixture that fits this actor and runs the command once. */
  run: (actor: UserActor) => CommandResult<unknown>;
};

const inAMonth = () => new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** A department staff member acts on their own department's devices; everyone else on a new department's. */
const departmentFor = (actor: UserActor) => (actor.role === "department" ? actor.organizationId : createOrganization("department"));
/** A recipient or employee acts on what was reserved for (or handed to) themselves. */
const requesterFor = (actor: UserActor) =>
  (actor.role === "recipient" || actor.role === "employee") && actor.organizationStatus === "approved" ? actor : createActor("recipient");

function submittedRequest(requester: UserActor) {
  return commandValue(
    fileRequest(requester, {
      type: "laptop",
      quantity: 1,
      minRamGb: 0,
      minStorageGb: 0,
      minScreenInches: null,
      keyboardLayout: "any",
      purpose: "Lessons",
      beneficiaries: 1,
      neededBy: inAMonth(),
    }),
  );
}

function collectedWithRecord() {
  const device = deviceInState("collected");
  const { technician } = lifecycleCast();
  const record = commandValue(recordWipe(technician, { deviceId: device.id, mediumId: device.media[0]!.id, ...passingWipe() }));
  return { device, record };
}

/** A small inventory file with fresh serials. */
const inventoryFile = () => `Asset Tag,Serial Number,Manufacturer,Model,Category\nIMX-${nextNumber()},IMS-${nextNumber()},Dell,Latitude,Laptop\n`;
/** An upload kept for the actor's own department (or a new one), by its own coordinator. */
const uploadFor = (actor: UserActor) =>
  commandValue(uploadDeviceImport(lifecycleCast().coordinator, { csvText: inventoryFile(), departmentId: departmentFor(actor) })).importId;

const matrix: Record<string, MatrixCase> = {
  registerDevice: { permission: "device.register", run: (actor) => registerDevice(actor, { ...deviceInput(), departmentId: departmentFor(actor) }) },
  editRegistration: {
    permission: "device.register",
    run: (actor) => {
      const device = deviceInState("registered", { departmentId: departmentFor(actor) });
      return editRegistration(actor, { ...deviceInput(), deviceId: device.id });
    },
  },
  collectDevice: { permission: "device.collect", run: (actor) => collectDevice(actor, { deviceId: deviceInState("registered").id }) },
  bulkCollectDevices: { permission: "device.collect", run: (actor) => bulkCollectDevices(actor, { deviceIds: [deviceInState("registered").id] }) },
  bulkListDevices: { permission: "device.list", run: (actor) => bulkListDevices(actor, { deviceIds: [deviceInState("wiped").id], grade: "A" }) },
  recordWipe: {
    permission: "wipe.record",
    run: (actor) => {
      const device = deviceInState("collected");
      return recordWipe(actor, { deviceId: device.id, mediumId: device.media[0]!.id, ...passingWipe() });
    },
  },
  validateWipe: { permission: "wipe.validate", run: (actor) => validateWipe(actor, { wipeId: collectedWithRecord().record.id }) },
  addStorageMedium: {
    permission: "wipe.record",
    run: (actor) => addStorageMedium(actor, { deviceId: deviceInState("collected").id, serial: `FOUND-${nextNumber()}`, kind: "SSD", capacityGb: 256 }),
  },
  recordStorageAbsence: {
    permission: "wipe.record",
    run: (actor) => recordStorageAbsence(actor, { deviceId: deviceInState("collected", { input: { media: [] } }).id }),
  },
  validateStorageAbsence: {
    permission: "wipe.validate",
    run: (actor) => {
      const device = deviceInState("collected", { input: { media: [] } });
      const record = commandValue(recordStorageAbsence(createActor("technician", lifecycleCast().itServiceId), { deviceId: device.id }));
      return validateStorageAbsence(actor, { absenceId: record.id });
    },
  },
  readWipeLog: {
    permission: "wipe.record",
    run: (actor) => {
      // The fixture log wipes drive WD-WCC2E1234567: the device gets a medium with that serial.
      const device = deviceInState("collected", { input: { media: [{ serial: "WD-WCC2E1234567", kind: "HDD", capacityGb: 500 }] } });
      return readWipeLog(actor, { deviceId: device.id, log: shredosLog });
    },
  },
  certifyDevice: {
    permission: "device.certify",
    run: (actor) => {
      const device = deviceInState("collected");
      const other = createActor("technician", lifecycleCast().itServiceId);
      wipeEveryMedium(device, { performer: lifecycleCast().validator, validator: other });
      return certifyDevice(actor, { deviceId: device.id });
    },
  },
  listDevice: { permission: "device.list", run: (actor) => listDevice(actor, { deviceId: deviceInState("wiped").id, grade: "A" }) },
  releaseDevice: { permission: "device.release", run: (actor) => releaseDevice(actor, { deviceId: deviceInState("reserved").id, reason: "Not picked up" }) },
  handOverDevice: { permission: "device.handover", run: (actor) => handOverDevice(actor, { deviceId: deviceInState("reserved").id, signedBy: "Sam Signer" }) },
  signHandover: {
    permission: "handover.sign",
    run: (actor) => {
      const device = deviceInState("reserved", { requester: requesterFor(actor) });
      const { pickupCode } = readyForPickup(device.requestId!, [device.id]);
      return signHandover(actor, { deviceIds: [device.id], pickupCode, signedBy: "Sam Signer" });
    },
  },
  preparePickup: {
    permission: "pickup.prepare",
    run: (actor) => {
      const device = deviceInState("reserved");
      const now = Date.now();
      return preparePickup(actor, {
        requestId: device.requestId!,
        deviceIds: [device.id],
        pickupLocation: "Balie",
        pickupFrom: now,
        pickupUntil: now + 86_400_000,
      });
    },
  },
  returnDevice: {
    permission: "device.return",
    run: (actor) => returnDevice(actor, { deviceId: deviceInState("deployed", { requester: requesterFor(actor) }).id }),
  },
  recycleDevice: {
    permission: "device.recycle",
    run: (actor) => recycleDevice(actor, { deviceId: deviceInState("registered").id, recyclerId: createRecycler(), certificateNumber: `R-${nextNumber()}` }),
  },
  addRecycler: {
    permission: "recycler.manage",
    run: (actor) => addRecycler(actor, { name: `Recycler ${nextNumber()}`, accreditationNumber: `WEEE-${nextNumber()}` }),
  },
  updateRecycler: {
    permission: "recycler.manage",
    run: (actor) => updateRecycler(actor, { recyclerId: createRecycler(), accreditationNumber: `RECUPEL-${nextNumber()}` }),
  },
  fileRequest: {
    permission: "request.create",
    run: (actor) =>
      fileRequest(actor, {
        type: "laptop",
        quantity: 1,
        minRamGb: 4,
        minStorageGb: 64,
        minScreenInches: null,
        keyboardLayout: "any",
        purpose: "Homework",
        beneficiaries: 1,
        neededBy: inAMonth(),
      }),
  },
  cancelRequest: { permission: "request.create", run: (actor) => cancelRequest(actor, { requestId: submittedRequest(requesterFor(actor)).id }) },
  approveRequest: {
    permission: "request.review",
    run: (actor) => approveRequest(actor, { requestId: submittedRequest(createActor("recipient")).id, priority: 40 }),
  },
  rejectRequest: {
    permission: "request.review",
    run: (actor) => rejectRequest(actor, { requestId: submittedRequest(createActor("recipient")).id, reason: "Out of scope" }),
  },
  confirmMatch: {
    permission: "match.confirm",
    run: (actor) => {
      const device = deviceInState("listed");
      const request = submittedRequest(createActor("recipient"));
      commandValue(approveRequest(lifecycleCast().coordinator, { requestId: request.id, priority: 10 }));
      return confirmMatch(actor, { deviceId: device.id, requestId: request.id });
    },
  },
  chooseMatch: {
    permission: "match.confirm",
    run: (actor) => {
      const device = deviceInState("listed");
      const request = submittedRequest(createActor("recipient"));
      commandValue(approveRequest(lifecycleCast().coordinator, { requestId: request.id, priority: 10 }));
      return chooseMatch(actor, { deviceId: device.id, requestId: request.id, reason: "" });
    },
  },
  confirmMatches: {
    permission: "match.confirm",
    run: (actor) => {
      const device = deviceInState("listed");
      const request = submittedRequest(createActor("recipient"));
      commandValue(approveRequest(lifecycleCast().coordinator, { requestId: request.id, priority: 10 }));
      return confirmMatches(actor, { pairs: [{ deviceId: device.id, requestId: request.id }] });
    },
  },
  reviewOrganization: {
    permission: "organization.review",
    run: (actor) => reviewOrganization(actor, { organizationId: createOrganization("school", "pending"), decision: "approved" }),
  },
  setLanguage: { permission: "profile.manage", run: (actor) => setLanguage(actor, { language: "en" }) },
  markNotificationsRead: { permission: "profile.manage", run: (actor) => markNotificationsRead(actor, { upToId: 1 }) },
  createInvite: {
    permission: "invite.create",
    run: (actor) =>
      createInvite(
        actor,
        { email: `invited-${nextNumber()}@demo.city`, role: "technician", organizationId: lifecycleCast().itServiceId },
        { origin: "https://circuit.example", language: "en" },
      ),
  },
  resendEmail: { permission: "mailbox.view", run: (actor) => resendEmail(actor, { emailId: outboxEmail("failed") }) },
  createApiToken: { permission: "profile.manage", run: (actor) => createApiToken(actor, { label: "Scanner" }) },
  revokeApiToken: {
    permission: "profile.manage",
    run: (actor) => {
      // Written directly: a pending member cannot make a token, yet the revoke must be refused for the role, not for a missing token.
      const token = db
        .insert(apiTokens)
        .values({ userId: actor.userId, label: "Old", tokenHash: `hash-${nextNumber()}`, prefix: "ctk_old", expiresAt: new Date(Date.now() + 86_400_000) })
        .returning({ id: apiTokens.id })
        .get();
      return revokeApiToken(actor, { tokenId: token.id });
    },
  },
  revokeAllApiTokens: { permission: "profile.manage", run: (actor) => revokeAllApiTokens(actor) },
  deactivateUser: { permission: "user.manage", run: (actor) => deactivateUser(actor, { userId: createActor("technician").userId, reason: "Left the city" }) },
  reactivateUser: {
    permission: "user.manage",
    run: (actor) => {
      const person = createActor("department");
      commandValue(deactivateUser(lifecycleCast().coordinator, { userId: person.userId }));
      return reactivateUser(actor, { userId: person.userId });
    },
  },
  uploadDeviceImport: {
    permission: "device.register",
    run: (actor) => uploadDeviceImport(actor, { csvText: inventoryFile(), departmentId: departmentFor(actor) }),
  },
  chooseImportOptions: { permission: "device.register", run: (actor) => chooseImportOptions(actor, { importId: uploadFor(actor), dateOrder: "DMY" }) },
  importDevices: { permission: "device.register", run: (actor) => importDevices(actor, { csv: inventoryFile(), departmentId: departmentFor(actor) }) },
  /** A department member keeps their own department's details; the coordinator any organization's (here a new department). */
  updateOrganizationContact: {
    permission: "organization.contact",
    run: (actor) =>
      updateOrganizationContact(actor, { organizationId: departmentFor(actor), address: "Markt 1, 9000 Gent", contact: "Els Peeters, 09 123 45 67" }),
  },
};

/** Commands anyone may take without an account: they have no permission to check. */
const publicCommands = new Set(["signUpEmployee", "registerOrganization", "acceptInvite", "confirmEmail"]);

type MatrixActor = { label: string; make: () => UserActor };

const actors: MatrixActor[] = [
  ...roles.map((role) => ({ label: role, make: () => createActor(role) })),
  { label: "pending recipient", make: () => createActor("recipient", createOrganization("school", "pending"), "pending") },
  { label: "pending employee", make: () => createActor("employee", createOrganization("department"), "pending") },
];

/** Every exported function of app/commands/<noun>/*.server.ts whose first parameter is the actor. */
function commandsInTheTree(): string[] {
  const folder = path.resolve("app/commands");
  const names: string[] = [];
  for (const noun of readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of readdirSync(path.join(folder, noun.name)).filter((name) => name.endsWith(".server.ts") && !name.includes(".test."))) {
      const source = readFileSync(path.join(folder, noun.name, file), "utf8");
      for (const match of source.matchAll(/export (?:async )?function (\w+)\(\s*(actor: UserActor|input)/g)) names.push(match[1]!);
    }
  }
  return names.sort();
}

test("every command is in the matrix (or is a public one)", () => {
  expect(commandsInTheTree()).toEqual([...Object.keys(matrix), ...publicCommands].sort());
});

describe.each(Object.entries(matrix))("%s", (_name, matrixCase) => {
  test.each(actors.map((actor) => [actor.label, actor] as const))("as %s", (_label, matrixActor) => {
    const actor = matrixActor.make();
    const allowed = can({ role: actor.role, organizationStatus: actor.organizationStatus }, matrixCase.permission);
    const result = matrixCase.run(actor);
    if (allowed) expect(result.ok ? "ok" : result, `${actor.role} may take this action`).toBe("ok");
    else expect(result.ok ? "ok" : result.reason, `${actor.role} (${actor.organizationStatus}) may not`).toBe("forbidden");
  });
});
