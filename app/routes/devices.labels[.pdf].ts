import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireDeviceScope } from "~/auth/guards.server";
import { renderLabelSheetPdf } from "~/documents/labels-pdf.server";
import { env } from "~/env.server";
import { publicOrigin } from "~/http/public-origin.server";
import { i18next } from "~/i18n/i18next.server";
import { deviceIsInScope, getDevice } from "~/models/device.server";

const idsSchema = z.array(z.coerce.number().int().positive()).min(1).max(240);

/** /devices/labels.pdf?ids=1&ids=2: an A4 sheet of QR labels (3 × 8 per page) for the chosen devices. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireDeviceScope(request);
  const searchParams = new URL(request.url).searchParams;
  const ids = idsSchema.safeParse(
    searchParams
      .getAll("ids")
      .flatMap((value) => value.split(","))
      .filter(Boolean),
  );
  if (!ids.success) throw data({ reason: "bad-request" }, { status: 400 });
  const devices = ids.data.map((id) => getDevice(id)).filter((device) => device !== null && deviceIsInScope(device, scope));
  if (devices.length === 0) throw data({ reason: "not-found" }, { status: 404 });
  const t = await i18next.getFixedT(request);
  const pdf = await renderLabelSheetPdf({
    devices: devices.flatMap((device) => (device ? [device] : [])),
    origin: publicOrigin(request),
    cityName: env.CITY_NAME,
    t,
  });
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": 'inline; filename="circuit-labels.pdf"', "Cache-Control": "private, no-store" },
  });
}
