// A school or nonprofit registers itself with its first member; it stays pending until a coordinator
// approves it, and the member cannot sign in until they open the link we send to their address
// (app/commands/accounts/address-proof.server.ts).
import { isUniqueViolation } from "~/db.server";
import { hashPassword } from "~/auth/password.server";
import { registerOrganizationInput, type RegisterOrganizationInput } from "~/forms/accounts";
import { insertOrganization, organizationNameIsTaken } from "~/models/organization.server";
import { insertUser } from "~/models/user.server";
import { addressHeldByActiveAccount, sendAddressProof, type AddressProofOptions, type SignUpOutcome } from "../accounts/address-proof.server";
import { refuse, runCommand, type CommandResult } from "../command.server";

export { registerOrganizationInput, type RegisterOrganizationInput };

export type RegistrationOutcome = { outcome: "link-sent"; userId: string; organizationId: number } | Extract<SignUpOutcome, { outcome: "owner-told" }>;

function refuseTakenName(): never {
  return refuse({ reason: "invalid-input", fields: { organizationName: ["errors.organizationTaken"] } });
}

/**
 * Anyone may register (there is no actor yet). The organization's name is checked before the address,
 * so no refusal depends on whether the address has an account; when it has one, nothing is registered
 * and its owner is told. The password is hashed first in every case.
 */
export async function registerOrganization(input: RegisterOrganizationInput, options: AddressProofOptions): Promise<CommandResult<RegistrationOutcome>> {
  const passwordHash = await hashPassword(input.password);
  return runCommand(options, (tx): RegistrationOutcome => {
    if (organizationNameIsTaken(input.organizationName, tx)) refuseTakenName();
    if (addressHeldByActiveAccount(tx, input.email, options)) return { outcome: "owner-told" };
    const organizationName = input.organizationName.trim();
    let organizationId: number;
    try {
      organizationId = insertOrganization({ name: organizationName, kind: input.kind, status: "pending", description: input.description ?? null }, tx);
    } catch (error) {
      // The name check and the insert share one immediate transaction; this is the last line of defence.
      if (isUniqueViolation(error)) refuseTakenName();
      throw error;
    }
    const userId = insertUser({ email: input.email, name: input.memberName, role: "recipient", organizationId, passwordHash, activatedAt: null }, tx);
    sendAddressProof(tx, { userId, email: input.email, name: input.memberName, organizationName }, options);
    return { outcome: "link-sent", userId, organizationId };
  });
}
