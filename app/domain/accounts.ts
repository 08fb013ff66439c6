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
