// Organizations: city departments, the IT service, and the schools and nonprofits that a
// coordinator vets before their members can do anything.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { organizations, type OrganizationKind } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";

export type OrganizationSummary = { id: number; name: string; kind: OrganizationKind; status: string; description: string | null; createdAt: Date };

export function insertOrganization(
  organization: { name: string; kind: OrganizationKind; status: "pending" | "approved"; description?: string | null },
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
