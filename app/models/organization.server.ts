// Organizations: city departments, the IT service, the schools and nonprofits that a coordinator
// vets before their members can do anything, and the recyclers the coordinator keeps.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { organizations, type OrganizationKind } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";

export type OrganizationSummary = { id: number; name: string; kind: OrganizationKind; status: string; description: string | null; createdAt: Date };

export function insertOrganization(
  organization: {
    name: string;
    kind: OrganizationKind;
    status: "pending" | "approved";
    description?: string | null;
    accreditationNumber?: string | null;
    address?: string | null;
    contact?: string | null;
    openingHours?: string | null;
  },
  database: CircuitDatabase = db,
): number {
  const row = database.insert(organizations).values(organization).returning({ id: organizations.id }).get();
  return row.id;
}

export function organizationNameIsTaken(name: string, database: CircuitDatabase = db): boolean {
  return database.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name.trim())).get() !== undefined;
}

/** Whether the organization exists, is approved, and is of this kind (a department to sign up in, say). */
export function isApprovedOrganizationOfKind(id: number, kind: OrganizationKind, database: CircuitDatabase = db): boolean {
  const row = database.select({ kind: organizations.kind, status: organizations.status }).from(organizations).where(eq(organizations.id, id)).get();
  return row?.kind === kind && row.status === "approved";
}

const summaryColumns = {
  id: organizations.id,
  name: organizations.name,
  kind: organizations.kind,
  status: organizations.status,
  description: organizations.description,
  createdAt: organizations.createdAt,
};

export function listOrganizations(): OrganizationSummary[] {
  return db.select(summaryColumns).from(organizations).orderBy(asc(organizations.name)).all();
}

export function listPendingOrganizations(): OrganizationSummary[] {
  return db.select(summaryColumns).from(organizations).where(eq(organizations.status, "pending")).orderBy(asc(organizations.createdAt)).all();
}

export function countPendingOrganizations(): number {
  return db.select({ total: count() }).from(organizations).where(eq(organizations.status, "pending")).get()?.total ?? 0;
}

/** City organizations whose staff a coordinator can invite: the departments and the IT service. */
export function listCityOrganizations(): { id: number; name: string; kind: OrganizationKind }[] {
  return db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(inArray(organizations.kind, ["department", "it_service"]))
    .orderBy(asc(organizations.name))
    .all();
}

export function listDepartments(): { id: number; name: string }[] {
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.kind, "department"), eq(organizations.status, "approved")))
    .orderBy(asc(organizations.name))
    .all();
}

export function getOrganization(id: number, database: CircuitDatabase = db): OrganizationSummary | null {
  return database.select(summaryColumns).from(organizations).where(eq(organizations.id, id)).get() ?? null;
}

/** A recycler as the coordinator keeps it: an organization of kind recycler with its accreditation. */
export type Recycler = { id: number; name: string; accreditationNumber: string | null };

const recyclerColumns = { id: organizations.id, name: organizations.name, accreditationNumber: organizations.accreditationNumber };
const isRecycler = and(eq(organizations.kind, "recycler"), eq(organizations.status, "approved"));

/** The recyclers a device can go to, by name. */
export function listRecyclers(database: CircuitDatabase = db): Recycler[] {
  return database.select(recyclerColumns).from(organizations).where(isRecycler).orderBy(asc(organizations.name)).all();
}

/** The recycler with this id, or null when there is none (or the organization is not a recycler). */
export function getRecycler(id: number, database: CircuitDatabase = db): Recycler | null {
  return (
    database
      .select(recyclerColumns)
      .from(organizations)
      .where(and(eq(organizations.id, id), isRecycler))
      .get() ?? null
  );
}

/** Recyclers by id, as they are now: custody events name a recycler by id and are shown with its current name. */
export function recyclersByIds(ids: readonly number[], database: CircuitDatabase = db): Map<number, Recycler> {
  if (ids.length === 0) return new Map();
  const rows = database
    .select(recyclerColumns)
    .from(organizations)
    .where(and(inArray(organizations.id, [...new Set(ids)]), eq(organizations.kind, "recycler")))
    .all();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Writes a new recycler inside the caller's transaction: approved at once, since the coordinator adds it. */
export function insertRecycler(tx: CircuitDatabase, recycler: { name: string; accreditationNumber: string; addedById: string; at: number }): number {
  return tx
    .insert(organizations)
    .values({
      name: recycler.name,
      kind: "recycler",
      status: "approved",
      accreditationNumber: recycler.accreditationNumber,
      approvedAt: new Date(recycler.at),
      approvedById: recycler.addedById,
      createdAt: new Date(recycler.at),
    })
    .returning({ id: organizations.id })
    .get().id;
}

/** Writes a recycler's new accreditation number inside the caller's transaction; false when there is no such recycler. */
export function writeRecyclerAccreditation(tx: CircuitDatabase, id: number, accreditationNumber: string): boolean {
  return (
    tx
      .update(organizations)
      .set({ accreditationNumber })
      .where(and(eq(organizations.id, id), isRecycler))
      .run().changes === 1
  );
}

export type OrganizationContact = {
  id: number;
  name: string;
  kind: OrganizationKind;
  address: string | null;
  contact: string | null;
  openingHours: string | null;
};

/** Where the organization is and whom to ask for (for the IT service: its counter's opening hours too). */
export function organizationContact(id: number, database: CircuitDatabase = db): OrganizationContact | null {
  return (
    database
      .select({
        id: organizations.id,
        name: organizations.name,
        kind: organizations.kind,
        address: organizations.address,
        contact: organizations.contact,
        openingHours: organizations.openingHours,
      })
      .from(organizations)
      .where(eq(organizations.id, id))
      .get() ?? null
  );
}

/** The city's own organizations (departments and the IT service) with their address and contact, for the coordinator. */
export function listCityOrganizationContacts(): OrganizationContact[] {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      address: organizations.address,
      contact: organizations.contact,
      openingHours: organizations.openingHours,
    })
    .from(organizations)
    .where(and(inArray(organizations.kind, ["department", "it_service"]), eq(organizations.status, "approved")))
    .orderBy(asc(organizations.kind), asc(organizations.name))
    .all();
}

export function writeOrganizationContact(
  tx: CircuitDatabase,
  id: number,
  contact: { address: string | null; contact: string | null; openingHours: string | null },
): void {
  tx.update(organizations).set(contact).where(eq(organizations.id, id)).run();
}
