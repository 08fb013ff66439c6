// Requests that change something must come from our own pages: a POST whose Origin names another
// site (or that the browser marks as cross-site) is refused with 403. Requests without these
// headers (curl, API clients with bearer tokens) pass; SameSite=Lax cookies already keep sessions
// out of cross-site posts, this is the second lock.

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export type RequestOriginFacts = {
  method: string;
  /** The hosts this site answers as: the Host header, and behind a proxy the forwarded or public host. */
  host: string | undefined | (string | undefined)[];
  origin: string | undefined;
  secFetchSite: string | undefined;
};

export function isCrossSiteMutation({ method, host, origin, secFetchSite }: RequestOriginFacts): boolean {
  if (safeMethods.has(method.toUpperCase())) return false;
  if (secFetchSite === "cross-site" || secFetchSite === "same-site") return true;
  if (origin === undefined) return false;
  if (origin === "null") return true;
  try {
    const ownHosts = (Array.isArray(host) ? host : [host]).filter((candidate) => candidate !== undefined);
    return !ownHosts.includes(new URL(origin).host);
  } catch {
    return true;
  }
}
