// Where an organization is and whom to ask for there: a department's address and contact are where a
// technician collects its devices, the IT service's address and opening hours where and when
// recipients pick theirs up. A department member keeps their own department's; the coordinator any.
import type { UserActor } from "~/domain/lifecycle";
import { organizationContactForm, type OrganizationContactInput } from "~/forms/organization-contact";
import { organizationContact, writeOrganizationContact, type OrganizationContact } from "~/models/organization.server";
import { refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export { organizationContactForm as updateOrganizationContactInput, type OrganizationContactInput as UpdateOrganizationContactInput };

export function updateOrganizationContact(actor: UserActor, input: OrganizationContactInput, options: CommandOptions = {}): CommandResult<OrganizationContact> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "organization.contact");
    const current = organizationContact(input.organizationId, tx) ?? refuse({ reason: "not-found", entity: "organization" });
    // Only the coordinator keeps other organizations' details.
    if (actor.role !== "coordinator" && current.id !== actor.organizationId) refuse({ reason: "out-of-scope" });
    const clean = (value: string | null | undefined) => value?.trim() || null;
    writeOrganizationContact(tx, current.id, { address: clean(input.address), contact: clean(input.contact), openingHours: clean(input.openingHours) });
    return organizationContact(current.id, tx)!;
  });
}
