// A school or nonprofit registers itself with its first member; it stays pending until a
// coordinator approves it.
import { isUniqueViolation } from "~/db.server";
import { hashPassword } from "~/auth/password.server";
import { registerOrganizationInput, type RegisterOrganizationInput } from "~/forms/accounts";
import { insertOrganization, organizationNameIsTaken } from "~/models/organization.server";
import { emailIsTaken, insertUser } from "~/models/user.server";
import { refuse, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export { registerOrganizationInput, type RegisterOrganizationInput };

/** Anyone may register (there is no actor yet). The password is hashed before the transaction. */
export async function registerOrganization(
  input: RegisterOrganizationInput,
  options: CommandOptions = {},
): Promise<CommandResult<{ organizationId: number; userId: string }>> {
  const passwordHash = await hashPassword(input.password);
  return runCommand(options, (tx) => {
    const fields: Record<string, string[]> = {};
    if (organizationNameIsTaken(input.organizationName, tx)) fields.organizationName = ["errors.organizationTaken"];
    if (emailIsTaken(input.email, tx)) fields.email = ["errors.emailTaken"];
    if (Object.keys(fields).length > 0) refuse({ reason: "invalid-input", fields });
    try {
      const organizationId = insertOrganization(
        { name: input.organizationName.trim(), kind: input.kind, status: "pending", description: input.description ?? null },
        tx,
      );
      const userId = insertUser({ email: input.email, name: input.memberName, role: "recipient", organizationId, passwordHash }, tx);
      return { organizationId, userId };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another registration with the same name or address won the race.
      const taken = error instanceof Error && error.message.includes("organizations.name") ? "organizationName" : "email";
      refuse({ reason: "invalid-input", fields: { [taken]: [taken === "email" ? "errors.emailTaken" : "errors.organizationTaken"] } });
    }
  });
}
