// What a scanned or typed code names: a label's URL (/verify/<publicId>, absolute or relative) names
// a device by its public id; anything else is an asset tag or a serial. Pure, for the scan box.

export type ScanTarget = { kind: "public-id"; publicId: string } | { kind: "code"; code: string };

/** A label's public id: what newPublicId makes (base64url), at most 64 characters. */
const publicIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The longest text looked up: far longer than any tag, serial or label URL. */
export const MAX_SCAN_LENGTH = 500;

function verifyPathId(path: string): string | null {
  const match = /^\/?verify\/([^/?#]+)\/?(?:[?#].*)?$/.exec(path);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return publicIdPattern.test(id) ? id : null;
}

/** The target of a scan, or null for an empty one. Control characters (a scanner's Enter or Tab) count as spaces. */
export function scanTarget(raw: string): ScanTarget | null {
  const text = raw
    .replace(/\p{Cc}/gu, " ")
    .trim()
    .slice(0, MAX_SCAN_LENGTH);
  if (text === "") return null;
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      const publicId = verifyPathId(url.pathname);
      if (publicId) return { kind: "public-id", publicId };
    } catch {
      // Not a URL after all: looked up as a code below.
    }
  } else {
    const publicId = verifyPathId(text);
    if (publicId) return { kind: "public-id", publicId };
  }
  return { kind: "code", code: text };
}
