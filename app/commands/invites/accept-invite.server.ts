// Someone opens their invite link and chooses a name and password: the invite is claimed and the
// account created in one transaction, guarded by `used_at IS NULL`, so two simultaneous uses cannot
// both succeed.
import { and, eq, isNull } from "drizzle-orm";
import { invites } from "~db/schema";
import { hashPassword } from "~/auth/password.server";
import { sha256Hex } from "~/auth/crypto.server";
import { inviteState } from "~/domain/invites";
import { acceptInviteInput, type AcceptInviteInput } from "~/forms/accounts";
import { emailIsTaken, insertUser } from "~/models/user.server";
import { commandTime, refuse, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export { acceptInviteInput, type AcceptInviteInput };

/** The link's token is the credential (there is no actor yet). The password is hashed before the transaction. */
export async function acceptInvite(input: AcceptInviteInput & { token: string }, options: CommandOptions = {}): Promise<CommandResult<{ userId: string }>> {
  const passwordHash = await hashPassword(input.password);
  return runCommand(options, (tx) => {
    const now = commandTime(options);
    const invite =
      tx
        .select()
        .from(invites)
        .where(eq(invites.tokenHash, sha256Hex(input.token)))
        .get() ?? refuse({ reason: "not-found", entity: "invite" });
    const state = inviteState({ expiresAt: invite.expiresAt.getTime(), usedAt: invite.usedAt?.getTime() ?? null }, now);
    if (state !== "usable") refuse({ reason: "invite-unusable", state });
    if (emailIsTaken(invite.email, tx)) refuse({ reason: "invite-unusable", state: "email-taken" });
    // Claim the invite first: if a parallel use claimed it already, no row changes.
    const claimed = tx
      .update(invites)
      .set({ usedAt: new Date(now) })
      .where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
      .run();
    if (claimed.changes !== 1) refuse({ reason: "invite-unusable", state: "used" });
    const userId = insertUser({ email: invite.email, name: input.name, role: invite.role, organizationId: invite.organizationId, passwordHash }, tx);
    tx.update(invites).set({ usedByUserId: userId }).where(eq(invites.id, invite.id)).run();
    return { userId };
  });
}
