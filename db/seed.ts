// Demo data, created through the same commands as real use. Refuses to run on a database that
// already holds accounts: demo data never mixes with real data.
import { hashPassword } from "~/auth/password.server";
import { reviewOrganization } from "~/commands/organizations/review-organization.server";
import type { UserActor } from "~/domain/lifecycle";
import { registerOrganization, type RegistrationOutcome } from "~/commands/organizations/register-organization.server";
import { addRecycler } from "~/commands/organizations/add-recycler.server";
import type { CommandResult } from "~/commands/command.server";
import { insertOrganization } from "~/models/organization.server";
import { activateUser, countUsers, insertUser } from "~/models/user.server";
import { db } from "~/db.server";
import { defaultLanguage } from "~/i18n/config";
import { mailSiteFromEnv } from "~/mail/site.server";
import { seedDemoDevices } from "./seed-devices";
import { seedDemoHistory } from "./seed-history";
import type { Role } from "./schema";

export const DEMO_PASSWORD = "circuit-demo";

export const demoAccounts: { email: string; name: string; role: Role; organization: string }[] = [
  { email: "coordinator@demo.city", name: "Sara Declercq", role: "coordinator", organization: "ICT-dienst" },
  { email: "department@demo.city", name: "Tom Peeters", role: "department", organization: "Facilitair Bedrijf" },
  { email: "department2@demo.city", name: "Nadia Aerts", role: "department", organization: "Sociaal Huis" },
  { email: "tech1@demo.city", name: "Ines Maes", role: "technician", organization: "ICT-dienst" },
  { email: "tech2@demo.city", name: "Karim El Amrani", role: "technician", organization: "ICT-dienst" },
  { email: "school@demo.school", name: "Lotte Janssens", role: "recipient", organization: "Basisschool De Regenboog" },
  { email: "nonprofit@demo.org", name: "Youssef Benali", role: "recipient", organization: "vzw Digitaal Thuis" },
  { email: "employee@demo.city", name: "Eva Wouters", role: "employee", organization: "Sociaal Huis" },
];

/** The member of the school that still awaits approval. */
export const pendingSchoolAccount = { email: "pending@demo.school", name: "Bram Willems", organization: "Atheneum Zuid" };

/** Fictional recyclers with fictional accreditation numbers, added by the coordinator as in real use. */
export const demoRecyclers = [
  { name: "Recyclagecentrum Schelde NV", accreditationNumber: "OVAM-WEEE-2024-0417", certificatePrefix: "RCS" },
  { name: "EcoCirkel Elektro BV", accreditationNumber: "RECUPEL-VL-2231", certificatePrefix: "ECE" },
] as const;

export class SeedRefusedError extends Error {}

/**
 * The seed runs on an empty database: a name or address already taken is a bug, not a race. The demo
 * member's address counts as proven (its activation link goes to a mailbox nobody reads), so it can sign in.
 */
function registered(result: CommandResult<RegistrationOutcome>): { organizationId: number; userId: string } {
  if (!result.ok || result.value.outcome !== "link-sent") throw new Error(`Demo registration refused: ${JSON.stringify(result)}`);
  activateUser(db, result.value.userId, new Date());
  return { organizationId: result.value.organizationId, userId: result.value.userId };
}

const registrationOptions = () => ({ origin: new URL(mailSiteFromEnv().publicUrl).origin, language: defaultLanguage });

export async function seedDemoData(): Promise<void> {
  if (countUsers() > 0) {
    throw new SeedRefusedError("The database already holds accounts; the demo seed only runs on a new, empty database.");
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const organizationIds = new Map<string, number>();
  const cityOrganizations = [
    // Where technicians collect, and where recipients pick up (the IT service's counter and its hours).
    { name: "Facilitair Bedrijf", kind: "department", address: "Stadhuisplein 1, 2000 Demostad (dienstingang, kelder)", contact: "Tom Peeters, 03 123 45 67" },
    { name: "Sociaal Huis", kind: "department", address: "Kerkstraat 42, 2000 Demostad", contact: "Nadia Aerts, onthaal 2de verdieping" },
    {
      name: "ICT-dienst",
      kind: "it_service",
      address: "Stadhuisplein 1, 2000 Demostad — loket ICT, gelijkvloers",
      contact: "ICT-balie, 03 123 40 00",
      openingHours: "Maandag tot vrijdag 9.00–12.00 en 13.30–16.00 uur",
    },
  ] as const;
  for (const organization of cityOrganizations) {
    organizationIds.set(organization.name, insertOrganization({ ...organization, status: "approved" }));
  }
  organizationIds.set(
    "vzw Digitaal Thuis",
    insertOrganization({ name: "vzw Digitaal Thuis", kind: "nonprofit", status: "approved", description: "Helpt gezinnen zonder computer online." }),
  );

  // The schools register themselves, as real ones do; the coordinator approves one of them.
  const coordinator = demoAccounts[0]!;
  const coordinatorId = insertUser({
    email: coordinator.email,
    name: coordinator.name,
    role: coordinator.role,
    organizationId: organizationIds.get(coordinator.organization)!,
    passwordHash,
  });
  const school = demoAccounts.find((account) => account.email === "school@demo.school")!;
  const approvedSchool = registered(
    await registerOrganization(
      {
        organizationName: school.organization,
        kind: "school",
        description: "Basisschool met 240 leerlingen.",
        memberName: school.name,
        email: school.email,
        password: DEMO_PASSWORD,
      },
      registrationOptions(),
    ),
  );
  const coordinatorActor: UserActor = {
    kind: "user",
    userId: coordinatorId,
    role: "coordinator",
    organizationId: organizationIds.get(coordinator.organization)!,
    organizationStatus: "approved",
  };
  const review = reviewOrganization(coordinatorActor, { organizationId: approvedSchool.organizationId, decision: "approved" });
  if (!review.ok) throw new Error(`Demo approval refused: ${review.reason}`);
  registered(
    await registerOrganization(
      {
        organizationName: pendingSchoolAccount.organization,
        kind: "school",
        description: "Secundaire school, vraagt laptops voor de STEM-richting.",
        memberName: pendingSchoolAccount.name,
        email: pendingSchoolAccount.email,
        password: DEMO_PASSWORD,
      },
      registrationOptions(),
    ),
  );
  organizationIds.set(school.organization, approvedSchool.organizationId);

  const userIds = new Map<string, string>([[coordinator.email, coordinatorId]]);
  for (const account of demoAccounts) {
    if (account.email === coordinator.email || account.email === school.email) continue;
    userIds.set(
      account.email,
      insertUser({ email: account.email, name: account.name, role: account.role, organizationId: organizationIds.get(account.organization)!, passwordHash }),
    );
  }

  const [schelde, ecoCirkel] = demoRecyclers.map(({ name, accreditationNumber, certificatePrefix }) => {
    const added = addRecycler(coordinatorActor, { name, accreditationNumber });
    if (!added.ok) throw new Error(`Demo recycler refused: ${JSON.stringify(added)}`);
    return { id: added.value.id, certificatePrefix };
  });

  // Years of history for the impact pages, with recipients and a department of their own (the demo accounts' lists stay as they were).
  const member = (role: "department" | "recipient" | "employee", organizationId: number, email: string, name: string): UserActor => {
    const userId = insertUser({ email, name, role, organizationId, passwordHash });
    return { kind: "user", userId, role, organizationId, organizationStatus: "approved" };
  };
  const culture = insertOrganization({ name: "Cultuur en Bibliotheek", kind: "department", status: "approved" });
  const historySchool = insertOrganization({
    name: "Basisschool Sint-Jan",
    kind: "school",
    status: "approved",
    description: "Basisschool met 310 leerlingen.",
  });
  const historyNonprofit = insertOrganization({
    name: "vzw Buurtwerk Noord",
    kind: "nonprofit",
    status: "approved",
    description: "Computerlessen voor senioren.",
  });
  const staffActor = (email: string, organization: string): UserActor => ({
    kind: "user",
    userId: userIds.get(email)!,
    role: "department",
    organizationId: organizationIds.get(organization)!,
    organizationStatus: "approved",
  });
  const technicianActor = (email: string): UserActor => ({
    kind: "user",
    userId: userIds.get(email)!,
    role: "technician",
    organizationId: organizationIds.get("ICT-dienst")!,
    organizationStatus: "approved",
  });
  seedDemoHistory(
    {
      departments: [
        { id: organizationIds.get("Facilitair Bedrijf")!, staff: staffActor("department@demo.city", "Facilitair Bedrijf") },
        { id: organizationIds.get("Sociaal Huis")!, staff: staffActor("department2@demo.city", "Sociaal Huis") },
        { id: culture, staff: member("department", culture, "cultuur@demo.city", "Jan Vermeulen") },
      ],
      coordinator: coordinatorActor,
      technicians: [technicianActor("tech1@demo.city"), technicianActor("tech2@demo.city")],
      recipients: [
        member("recipient", historySchool, "sintjan@demo.school", "An Claes"),
        member("recipient", historyNonprofit, "buurtwerk@demo.org", "Omar Haddad"),
        member("employee", organizationIds.get("Sociaal Huis")!, "pieter@demo.city", "Pieter Goossens"),
      ],
      recyclers: [schelde!, ecoCirkel!],
    },
    Date.now(),
  );

  seedDemoDevices({
    departments: [organizationIds.get("Facilitair Bedrijf")!, organizationIds.get("Sociaal Huis")!],
    itServiceId: organizationIds.get("ICT-dienst")!,
    departmentUserIds: [userIds.get("department@demo.city")!, userIds.get("department2@demo.city")!],
    coordinatorId,
    technicianIds: [userIds.get("tech1@demo.city")!, userIds.get("tech2@demo.city")!],
    recyclers: [schelde!, ecoCirkel!],
  });
}

export function demoAccountsBanner(): string {
  const lines = demoAccounts.map((account) => `  ${account.email.padEnd(24)} ${account.role}`);
  return [`Demo accounts (password: ${DEMO_PASSWORD}):`, ...lines, `  ${pendingSchoolAccount.email.padEnd(24)} recipient (school awaiting approval)`].join(
    "\n",
  );
}
