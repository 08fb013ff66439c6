// Rules about accounts that do not need a database: how e-mail addresses compare, who may sign up as
// an employee, and what a password must be.

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether an address belongs to the city's own mail domain (subdomains do not count). */
export function isCityEmail(email: string, cityDomain: string): boolean {
  const domain = normalizeEmail(email).split("@").at(-1);
  return domain === cityDomain.toLowerCase();
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** How long the link that proves a new account's address works (and it works once). */
export const EMAIL_CONFIRMATION_VALIDITY_MS = 24 * 60 * 60 * 1000;

export type EmailConfirmationState = "usable" | "used" | "expired";

export function emailConfirmationState(confirmation: { expiresAt: number; usedAt: number | null }, now: number): EmailConfirmationState {
  if (confirmation.usedAt !== null) return "used";
  if (now >= confirmation.expiresAt) return "expired";
  return "usable";
}
