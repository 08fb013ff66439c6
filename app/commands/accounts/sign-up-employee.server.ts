// A city employee opens an account with an address at the city's mail domain, in their department. The
// account stays inactive until the owner of the address opens the link we send there (address-proof.server.ts).
import { isCityEmail } from "~/domain/accounts";
import { hashPassword } from "~/auth/password.server";
import { env } from "~/env.server";
import { signUpEmployeeInput, type SignUpEmployeeInput } from "~/forms/accounts";
import { getOrganization, isApprovedOrganizationOfKind } from "~/models/organization.server";
import { insertUser } from "~/models/user.server";
import { refuse, runCommand, type CommandResult } from "../command.server";
import { addressHeldByActiveAccount, sendAddressProof, type AddressProofOptions, type SignUpOutcome } from "./address-proof.server";

export { signUpEmployeeInput, type SignUpEmployeeInput };

/**
 * Anyone may sign up (there is no actor yet). Refusals depend only on the form (a foreign domain, no such
 * department), never on whether the address has an account: either way the answer is "we sent a link".
 * The password is hashed first in every case, so the time taken does not tell either.
 */
export async function signUpEmployee(input: SignUpEmployeeInput, options: AddressProofOptions): Promise<CommandResult<SignUpOutcome>> {
  if (!isCityEmail(input.email, env.CITY_EMAIL_DOMAIN)) return { ok: false, reason: "invalid-input", fields: { email: ["errors.notCityEmail"] } };
  const passwordHash = await hashPassword(input.password);
  return runCommand(options, (tx): SignUpOutcome => {
    const department = isApprovedOrganizationOfKind(input.departmentId, "department", tx) ? getOrganization(input.departmentId, tx) : null;
    if (!department) refuse({ reason: "invalid-input", fields: { departmentId: ["errors.choose"] } });
    if (addressHeldByActiveAccount(tx, input.email, options)) return { outcome: "owner-told" };
    const userId = insertUser({ name: input.name, email: input.email, organizationId: department.id, passwordHash, role: "employee", activatedAt: null }, tx);
    sendAddressProof(tx, { userId, email: input.email, name: input.name, organizationName: department.name }, options);
    return { outcome: "link-sent", userId };
  });
}
