// A coordinator approves or rejects a school or nonprofit that registered itself; until then its
// members can do nothing.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { organizations } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { organizationDecisions } from "~/domain/organizations";
import { getOrganization, type OrganizationSummary } from "~/models/organization.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export const reviewOrganizationInput = z.object({
  organizationId: z.number().int().positive(),
  decision: z.enum(organizationDecisions),
});
export type ReviewOrganizationInput = z.infer<typeof reviewOrganizationInput>;

export function reviewOrganization(actor: UserActor, input: ReviewOrganizationInput, options: CommandOptions = {}): CommandResult<OrganizationSummary> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "organization.review");
    const organization = getOrganization(input.organizationId, tx) ?? refuse({ reason: "not-found", entity: "organization" });
    // Only schools and nonprofits register themselves and wait; city organizations are approved from the start.
    if (organization.status !== "pending") refuse({ reason: "not-pending" });
    tx.update(organizations)
      .set({ status: input.decision, approvedAt: new Date(commandTime(options)), approvedById: actor.userId })
      .where(eq(organizations.id, organization.id))
      .run();
    return getOrganization(organization.id, tx)!;
  });
}
