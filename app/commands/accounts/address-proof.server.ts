// What employee sign-up and school/nonprofit registration share: a new account cannot sign in until the
// owner of its address opens the single-use link we send there (24 h), and the page answers the same
// whether the address was free or not. When it belongs to an account already, no account is made and
// the owner is told by e-mail that someone tried.
import { randomSecret } from "~/auth/crypto.server";
import type { CircuitDatabase } from "~/db.server";
import { EMAIL_CONFIRMATION_VALIDITY_MS, normalizeEmail } from "~/domain/accounts";
import { isSupportedLanguage, type Language } from "~/i18n/config";
import { translate } from "~/i18n/lookup";
import { insertEmailConfirmation } from "~/models/email-confirmation.server";
import { queueEmail } from "~/models/outbox.server";
import { findAccountHolding, removeUnconfirmedAccount } from "~/models/user.server";
import { commandTime, type CommandOptions } from "../command.server";

export type AddressProofOptions = CommandOptions & {
  /** Where the links in the e-mail point (the site's public origin). */
  origin: string;
  /** The language the person signs up in; the e-mail with the link is written in it. */
  language: Language;
};

/**
 * What happened, for tests and logs only: a page must answer the same either way, or it would tell
 * strangers which addresses have an account.
 */
export type SignUpOutcome = { outcome: "link-sent"; userId: string } | { outcome: "owner-told" };

/**
 * Whether the address is held by an active account. When so, its owner gets an e-mail that someone
 * tried to sign up with it, and the caller makes nothing. An account that was never activated does not
 * hold its address: it is removed, and the new sign-up takes its place (the owner of the address gets
 * the new link, and only they can use it).
 */
export function addressHeldByActiveAccount(tx: CircuitDatabase, emailInput: string, options: AddressProofOptions): boolean {
  const email = normalizeEmail(emailInput);
  const holder = findAccountHolding(email, tx);
  if (!holder) return false;
  if (holder.activatedAt === null) {
    removeUnconfirmedAccount(tx, holder.id);
    return false;
  }
  const language = isSupportedLanguage(holder.locale) ? holder.locale : options.language;
  queueEmail(
    {
      to: email,
      subject: translate(language, "signupAttempt.emailSubject"),
      body: translate(language, "signupAttempt.emailBody", { email }),
      language,
      link: { href: `${options.origin}/login`, label: translate(language, "auth.signIn") },
    },
    tx,
  );
  return true;
}

/** Writes the account's single-use link and queues the e-mail that carries it. */
export function sendAddressProof(
  tx: CircuitDatabase,
  account: { userId: string; email: string; name: string; organizationName: string },
  options: AddressProofOptions,
): void {
  const now = commandTime(options);
  const token = randomSecret();
  insertEmailConfirmation(tx, { userId: account.userId, token, createdAt: new Date(now), expiresAt: new Date(now + EMAIL_CONFIRMATION_VALIDITY_MS) });
  const link = `${options.origin}/confirm-email/${token}`;
  queueEmail(
    {
      to: normalizeEmail(account.email),
      subject: translate(options.language, "confirmEmail.emailSubject"),
      body: translate(options.language, "confirmEmail.emailBody", { name: account.name.trim(), organization: account.organizationName, link }),
      language: options.language,
      link: { href: link, label: translate(options.language, "confirmEmail.submit") },
    },
    tx,
  );
}
