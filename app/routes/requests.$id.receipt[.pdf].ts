import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { lifecycleActorOf, requireUser } from "~/auth/guards.server";
import { renderReceiptPdf } from "~/documents/receipt-pdf.server";
import { can } from "~/domain/permissions";
import { env } from "~/env.server";
import { publicOrigin } from "~/http/public-origin.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { handoverReceiptLines } from "~/models/pickup.server";
import { canSeeRequest, getRequest } from "~/models/request.server";

/**
 * /requests/:id/receipt.pdf: the handover receipt of a request, for the requesting organization (or
 * employee) and for staff (coordinator, technicians). 404 while nothing was handed over for it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const actor = lifecycleActorOf(user);
  const deviceRequest = getRequest(Number(params.id));
  if (!deviceRequest) throw data({ reason: "not-found" }, { status: 404 });
  if (!canSeeRequest(actor, deviceRequest) && !can(actor, "device.viewAll")) throw data({ reason: "forbidden" }, { status: 403 });
  const lines = handoverReceiptLines(deviceRequest.id);
  if (lines.length === 0) throw data({ reason: "not-found" }, { status: 404 });
  const detected = await i18next.getLocale(request);
  const language = isSupportedLanguage(detected) ? detected : defaultLanguage;
  const t = await i18next.getFixedT(language);
  const pdf = await renderReceiptPdf({
    cityName: env.CITY_NAME,
    requestId: deviceRequest.id,
    receivedBy: deviceRequest.requesterKind === "employee" ? deviceRequest.requesterName : deviceRequest.organizationName,
    requesterName: deviceRequest.requesterName,
    lines,
    verifyUrl: publicOrigin(request),
    language,
    t,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="handover-receipt-${deviceRequest.id}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
