// A coordinator invites department staff or a technician: a single-use link, valid for seven days,
// sent by e-mail (queued in the outbox in the same transaction) and shown once to the coordinator.
import { eq } from "drizzle-orm";
import { invites, users } from "~db/schema";
import { randomSecret, sha256Hex } from "~/auth/crypto.server";
import { normalizeEmail } from "~/domain/accounts";
import { INVITE_VALIDITY_MS, organizationKindFor } from "~/domain/invites";
import type { UserActor } from "~/domain/lifecycle";
import { createInviteInput, type CreateInviteInput } from "~/forms/invite";
import type { Language } from "~/i18n/config";
import { translate } from "~/i18n/lookup";
import { getOrganization } from "~/models/organization.server";
import { queueEmail } from "~/models/outbox.server";
import { emailIsTaken } from "~/models/user.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import type { FieldErrors } from "../refusals";

export { createInviteInput, type CreateInviteInput };

export type CreateInviteOptions = CommandOptions & {
  /** Where the link in the e-mail points (the site's public origin). */
  origin: string;
  /** The language the coordinator works in; the e-mail is written in it. */
  language: Language;
};

export type CreatedInvite = { email: string; token: string; link: string; expiresAt: Date };

export function createInvite(actor: UserActor, input: CreateInviteInput, options: CreateInviteOptions): CommandResult<CreatedInvite> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "invite.create");
    const email = normalizeEmail(input.email);
    const organization = getOrganization(input.organizationId, tx);
    const fields: FieldErrors = {};
    if (emailIsTaken(email, tx)) fields.email = ["errors.emailTaken"];
    if (!organization) fields.organizationId = ["errors.choose"];
    else if (organization.kind !== organizationKindFor(input.role)) fields.organizationId = [`errors.organizationForRole.${input.role}`];
    if (!organization || Object.keys(fields).length > 0) refuse({ reason: "invalid-input", fields });

    const now = commandTime(options);
    const token = randomSecret();
    const expiresAt = new Date(now + INVITE_VALIDITY_MS);
    tx.insert(invites)
      .values({
        email,
        role: input.role,
        organizationId: organization.id,
        invitedById: actor.userId,
        tokenHash: sha256Hex(token),
        createdAt: new Date(now),
        expiresAt,
      })
      .run();
    const link = `${options.origin}/invite/${token}`;
    const inviter = tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).get()?.name ?? "";
    queueEmail(
      {
        to: email,
        subject: translate(options.language, "invites.emailSubject"),
        body: translate(options.language, "invites.emailBody", { inviter, organization: organization.name, link }),
        language: options.language,
        link: { href: link, label: translate(options.language, "acceptInvite.title") },
      },
      tx,
    );
    return { email, token, link, expiresAt };
  });
}
