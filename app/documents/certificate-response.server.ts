// The certificate PDF as an HTTP response, shared by the page link and the API.
import { env } from "~/env.server";
import { publicOrigin } from "~/http/public-origin.server";
import { isSupportedLanguage, defaultLanguage } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import type { DeviceDetail } from "~/models/device.server";
import { currentCertificate } from "~/models/wipe.server";
import { renderCertificatePdf } from "./certificate-pdf.server";

/** The PDF of the device's latest certificate, or null when it has none. */
export async function certificatePdfResponse(device: DeviceDetail, request: Request): Promise<Response | null> {
  const certificate = currentCertificate(device.id);
  if (!certificate) return null;
  const detected = await i18next.getLocale(request);
  const language = isSupportedLanguage(detected) ? detected : defaultLanguage;
  const t = await i18next.getFixedT(language);
  const origin = publicOrigin(request);
  const pdf = await renderCertificatePdf({ cityName: env.CITY_NAME, certificate, device, verifyUrl: `${origin}/verify/${device.publicId}`, language, t });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${certificate.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
