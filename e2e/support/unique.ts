// Values no other test uses (e-mail addresses, organization names, asset tags), across parallel workers.

let counter = 0;

/** A value no other test uses, such as an e-mail address or an organization name. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}`;
}
