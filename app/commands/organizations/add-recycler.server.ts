// A coordinator adds a recycler that devices can go to: an organization with a name and an
// accreditation number (a WEEE or Recupel registration). Devices name it by id, so the custody
// chain never holds a name typed at recycling time.
import { isUniqueViolation } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { addRecyclerInput, type AddRecyclerInput } from "~/forms/recycler";
import { getRecycler, insertRecycler, organizationNameIsTaken, type Recycler } from "~/models/organization.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import type { Refusal } from "../refusals";

export { addRecyclerInput, type AddRecyclerInput };

const nameTaken = (): Refusal => ({ reason: "invalid-input", fields: { name: ["errors.organizationTaken"] } });

export function addRecycler(actor: UserActor, input: AddRecyclerInput, options: CommandOptions = {}): CommandResult<Recycler> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "recycler.manage");
    const name = input.name.trim();
    // Names are unique among all organizations, as for schools that register themselves.
    if (organizationNameIsTaken(name, tx)) refuse(nameTaken());
    try {
      const id = insertRecycler(tx, { name, accreditationNumber: input.accreditationNumber.trim(), addedById: actor.userId, at: commandTime(options) });
      return getRecycler(id, tx)!;
    } catch (error) {
      // Another coordinator (or a registering school) took the name meanwhile.
      if (isUniqueViolation(error)) refuse(nameTaken());
      throw error;
    }
  });
}
