import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, methodNotAllowed } from "~/api/responses.server";
import { publicVerification } from "~/models/device-custody-view.server";

/** GET /api/v1/verify/:publicId: the public verification view, no account needed, no personal data. */
export async function loader({ params }: LoaderFunctionArgs) {
  const verification = publicVerification(params.publicId ?? "");
  if (!verification) return apiError(404, "not_found", "No device has this label.");
  return apiJson({
    ...verification,
    events: verification.events.map((event) => ({ ...event, at: new Date(event.at).toISOString() })),
    certificate: verification.certificate && { ...verification.certificate, issuedAt: new Date(verification.certificate.issuedAt).toISOString() },
  });
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
