// Shared test data: organizations, people as actors, device inputs and wipe records. Every unit test
// builds what it needs from here instead of typing its own set-up; names carry a counter so that
// tests in one file never collide.
import type { DeviceInput } from "~/models/device.server";
import type { LifecycleActor, UserActor } from "~/domain/lifecycle";
import type { OrganizationKind, OrganizationStatus, Role } from "~/domain/organizations";
import type { WipeRecordFields } from "~/models/wipe.server";
import { insertOrganization } from "~/models/organization.server";
import { insertUser } from "~/models/user.server";

let sequence = 0;

/** A number unique within this test file: for names, tags and serials. */
export function nextNumber(): number {
  sequence += 1;
  return sequence;
}

export function createOrganization(kind: OrganizationKind, status: Exclude<OrganizationStatus, "rejected"> = "approved", name?: string): number {
  return insertOrganization({ name: name ?? `${kind} ${nextNumber()}`, kind, status });
}

/** The organization kind a member of this role belongs to. */
export function organizationKindOf(role: Role): OrganizationKind {
  switch (role) {
    case "coordinator":
    case "technician":
      return "it_service";
    case "department":
    case "employee":
      return "department";
    case "recipient":
      return "school";
  }
}

/** A person with an account, as the lifecycle and the commands see them. */
export function createActor(role: Role, organizationId?: number, organizationStatus: OrganizationStatus = "approved"): UserActor {
  const organization = organizationId ?? createOrganization(organizationKindOf(role), organizationStatus === "rejected" ? "pending" : organizationStatus);
  const n = nextNumber();
  const userId = insertUser({ email: `${role}-${n}@test.example`, name: `${role} ${n}`, role, organizationId: organization, passwordHash: "not-a-hash" });
  return { kind: "user", userId, role, organizationId: organization, organizationStatus };
}

export function userIdOf(actor: LifecycleActor): string {
  if (actor.kind !== "user") throw new Error("Expected a person, not the system");
  return actor.userId;
}

/** A laptop with one SSD, unique tag and serial. */
export function deviceInput(overrides: Partial<DeviceInput> = {}): DeviceInput {
  const n = String(nextNumber()).padStart(5, "0");
  return {
    assetTag: `CITY-${n}`,
    serial: `SN-${n}-XYZ`,
    manufacturer: "Dell",
    model: "Latitude 5490",
    type: "laptop",
    cpu: "Intel Core i5-8350U",
    ramGb: 8,
    storageGb: 256,
    screenInches: 14,
    keyboardLayout: "AZERTY-BE",
    batteryHealthPercent: 80,
    conditionNotes: null,
    purchaseDate: "2019-03-14",
    purchasePriceCents: 98_900,
    weightKg: 1.6,
    media: [{ serial: `MED-${n}`, kind: "SSD", capacityGb: 256 }],
    ...overrides,
  };
}

/** A passing NIST purge by overwrite, one pass, fully verified. */
export function passingWipe(overrides: Partial<WipeRecordFields> = {}): WipeRecordFields {
  return {
    method: "purge",
    technique: "overwrite",
    rounds: 1,
    tool: "nwipe",
    toolVersion: "0.36",
    verification: "full",
    samplePercent: null,
    result: "pass",
    startedAt: null,
    finishedAt: null,
    notes: null,
    ...overrides,
  };
}
