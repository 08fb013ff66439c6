// A city employee opens an account with an address at the city's mail domain, in their department.
import type { CircuitDatabase } from "~/db.server";
import { isUniqueViolation } from "~/db.server";
import { isCityEmail } from "~/domain/accounts";
import { hashPassword } from "~/auth/password.server";
import { env } from "~/env.server";
import { signUpEmployeeInput, type SignUpEmployeeInput } from "~/forms/accounts";
import { isApprovedOrganizationOfKind } from "~/models/organization.server";
import { emailIsTaken, insertUser } from "~/models/user.server";
import { refuse, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export { signUpEmployeeInput, type SignUpEmployeeInput };

/** Anyone may sign up (there is no actor yet); the address decides. The password is hashed before the transaction. */
export async function signUpEmployee(input: SignUpEmployeeInput, options: CommandOptions = {}): Promise<CommandResult<{ userId: string }>> {
  if (!isCityEmail(input.email, env.CITY_EMAIL_DOMAIN)) return { ok: false, reason: "invalid-input", fields: { email: ["errors.notCityEmail"] } };
  const passwordHash = await hashPassword(input.password);
  return runCommand(options, (tx) => {
    const fields: Record<string, string[]> = {};
    if (!isApprovedOrganizationOfKind(input.departmentId, "department", tx)) fields.departmentId = ["errors.choose"];
    if (emailIsTaken(input.email, tx)) fields.email = ["errors.emailTaken"];
    if (Object.keys(fields).length > 0) refuse({ reason: "invalid-input", fields });
    return { userId: insertAccount(tx, { name: input.name, email: input.email, organizationId: input.departmentId, passwordHash }) };
  });
}

function insertAccount(tx: CircuitDatabase, account: { name: string; email: string; organizationId: number; passwordHash: string }): string {
  try {
    return insertUser({ ...account, role: "employee" }, tx);
  } catch (error) {
    // Two sign-ups with one address at the same moment: the unique index refuses the second.
    if (isUniqueViolation(error)) refuse({ reason: "invalid-input", fields: { email: ["errors.emailTaken"] } });
    throw error;
  }
}
