// A coordinator corrects or renews a recycler's accreditation number. Pages show a recycler as it is
// now, so a renewed accreditation shows on the devices it took before too.
import type { UserActor } from "~/domain/lifecycle";
import { updateRecyclerInput, type UpdateRecyclerInput } from "~/forms/recycler";
import { getRecycler, writeRecyclerAccreditation, type Recycler } from "~/models/organization.server";
import { refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export { updateRecyclerInput, type UpdateRecyclerInput };

export function updateRecycler(actor: UserActor, input: UpdateRecyclerInput, options: CommandOptions = {}): CommandResult<Recycler> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "recycler.manage");
    if (!writeRecyclerAccreditation(tx, input.recyclerId, input.accreditationNumber.trim())) refuse({ reason: "not-found", entity: "organization" });
    return getRecycler(input.recyclerId, tx)!;
  });
}
