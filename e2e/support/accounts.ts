// Accounts of its own for every test: a fresh person of the role it needs (and a fresh department,
// school or nonprofit where the role belongs to one), so that parallel workers never act as the same
// account. They are written straight into the e2e server's SQLite file (WAL: the server and the
// tests write side by side), with the demo password, so every sign-in path works for them.
import { randomBytes, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { desc, eq } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { hashPassword } from "../../app/auth/password.server";
import type { OrganizationKind, Role } from "../../app/domain/organizations";
import { organizations, outboxEmails, users } from "../../db/schema";
import { e2eDatabasePath } from "./server";
import { unique } from "./unique";

/** The demo accounts' password; fresh accounts use it too, so that `bearer` and the login form work alike. */
export const DEMO_PASSWORD = "circuit-demo";

export type AccountOrganization = { id: number; name: string; kind: OrganizationKind };

export type Account = { id: string; email: string; password: string; name: string; role: Role; organization: AccountOrganization };

export type AccountOptions = {
  /** Join this organization instead of the default one (see `createAccount`). */
  organization?: AccountOrganization;
  /** For a recipient: a school (default) or a nonprofit. */
  kind?: "school" | "nonprofit";
  /** For a recipient's fresh organization: approved (default), or still pending. */
  organizationStatus?: "approved" | "pending";
  /** A short random address (`t3f9a1c@demo.city`): for tests that type it key by key. */
  shortAddress?: boolean;
  /** Write into this database instead of the e2e server's: for a test that runs a server of its own. */
  databasePath?: string;
};

const schema = { organizations, outboxEmails, users };
type Connection = BetterSQLite3Database<typeof schema>;
const databases = new Map<string, Connection>();
let passwordHash: Promise<string> | undefined;

/** One connection per database file and one password hash per worker process. */
function connection(databasePath = e2eDatabasePath): Connection {
  let database = databases.get(databasePath);
  if (!database) {
    const sqlite = new Database(databasePath, { fileMustExist: true });
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("foreign_keys = ON");
    database = drizzle(sqlite, { schema });
    databases.set(databasePath, database);
  }
  return database;
}

/** The city's IT service (coordinators and technicians belong to it; collecting moves devices to it). */
function itService(database: Connection): AccountOrganization {
  const row = database
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.kind, "it_service"))
    .orderBy(organizations.id)
    .get();
  if (!row) throw new Error("No IT service in the database: did its server seed the demo data?");
  return row;
}

function freshOrganization(database: Connection, kind: "department" | "school" | "nonprofit", status: "approved" | "pending"): AccountOrganization {
  const prefix = { department: "Dienst", school: "Basisschool", nonprofit: "vzw" }[kind];
  const name = unique(`${prefix} E2E`);
  const row = database
    .insert(organizations)
    .values({ name, kind, status, approvedAt: status === "approved" ? new Date() : null })
    .returning({ id: organizations.id })
    .get();
  return { id: row.id, name, kind };
}

const roleNames: Record<Role, string> = {
  coordinator: "Coordinator",
  department: "Medewerker",
  technician: "Technicus",
  recipient: "Leerkracht",
  employee: "Stadsmedewerker",
};

/**
 * A new account of this role. Coordinators and technicians join the IT service; department staff and
 * employees get a department of their own; recipients a school (or nonprofit) of their own.
 */
export async function createAccount(role: Role, options: AccountOptions = {}): Promise<Account> {
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const hash = await passwordHash;
  const database = connection(options.databasePath);
  const organization =
    options.organization ??
    (role === "coordinator" || role === "technician"
      ? itService(database)
      : role === "recipient"
        ? freshOrganization(database, options.kind ?? "school", options.organizationStatus ?? "approved")
        : freshOrganization(database, "department", "approved"));
  const domain = role === "recipient" ? (organization.kind === "nonprofit" ? "demo.org" : "demo.school") : "demo.city";
  const name = unique(roleNames[role]);
  const localPart = options.shortAddress ? `${role[0]}${randomBytes(3).toString("hex")}` : name.toLowerCase();
  const account: Account = { id: randomUUID(), email: `${localPart}@${domain}`, password: DEMO_PASSWORD, name, role, organization };
  // Written straight in, these accounts skip the address confirmation: they are active at once.
  database
    .insert(users)
    .values({ id: account.id, email: account.email, name, role, organizationId: organization.id, passwordHash: hash, activatedAt: new Date() })
    .run();
  return account;
}

/** The e-mails queued for an address, newest first, as the outbox holds them (the e2e server sends none). */
export function emailsTo(address: string): { subject: string; body: string }[] {
  return connection()
    .select({ subject: outboxEmails.subject, body: outboxEmails.body })
    .from(outboxEmails)
    .where(eq(outboxEmails.toAddress, address.toLowerCase()))
    .orderBy(desc(outboxEmails.id))
    .all();
}

/** The activation link in the newest e-mail to the address that carries one. */
export function activationLinkSentTo(address: string): string {
  for (const email of emailsTo(address)) {
    const link = email.body.match(/https?:\/\/\S+\/confirm-email\/[A-Za-z0-9_-]+/)?.[0];
    if (link) return link;
  }
  throw new Error(`No activation link was sent to ${address}`);
}
