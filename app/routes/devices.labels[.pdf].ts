import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { renderLabelSheetPdf } from "~/documents/labels-pdf.server";
import { env } from "~/env.server";
import { publicOrigin } from "~/http/public-origin.server";
import { requireDevicesInScope, requireRegistryScope } from "~/http/scoped-device.server";
import { i18next } from "~/i18n/i18next.server";

const idsSchema = z.array(z.coerce.number().int().positive()).min(1).max(240);

/**
 * /devices/labels.pdf?ids=1&ids=2: an A4 sheet of QR labels (3 × 8 per page) for the chosen devices.
 * An id that does not exist answers 404 and one outside the registry the person sees 403, as for one device.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  // Who may ask at all comes first: a recipient gets 403 whatever the query says.
  const { scope } = await requireRegistryScope(request);
  const searchParams = new URL(request.url).searchParams;
  const ids = idsSchema.safeParse(
    searchParams
      .getAll("ids")
      .flatMap((value) => value.split(","))
      .filter(Boolean),
  );
  if (!ids.success) throw data({ reason: "bad-request" }, { status: 400 });
  const devices = requireDevicesInScope(scope, ids.data);
  const t = await i18next.getFixedT(request);
  const pdf = await renderLabelSheetPdf({ devices, origin: publicOrigin(request), cityName: env.CITY_NAME, t });
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": 'inline; filename="circuit-labels.pdf"', "Cache-Control": "private, no-store" },
  });
}
