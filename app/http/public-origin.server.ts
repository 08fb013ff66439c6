// The origin to print in links that leave the browser (QR codes, PDFs, e-mail): PUBLIC_URL when
// set, otherwise the origin the request came in on.
import { env } from "~/env.server";

export function publicOrigin(request: Request): string {
  return env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : new URL(request.url).origin;
}
