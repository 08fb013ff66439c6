import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireDeviceScope, requirePermission } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { WipeRecordForm } from "~/components/wipe-record-form";
import { wipeRecordSchema } from "~/forms/wipe";
import { redirectWithFlash } from "~/http/flash.server";
import { pageTitle } from "~/i18n/meta";
import { deviceIsInScope, getDevice } from "~/models/device.server";
import { recordWipe } from "~/models/wipe.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "wipePage.title");

async function loadMedium(request: Request, params: { id?: string; mediumId?: string }) {
  const technician = await requirePermission(request, "wipe.record");
  const { scope } = await requireDeviceScope(request);
  const device = getDevice(Number(params.id));
  const medium = device?.media.find((candidate) => candidate.id === Number(params.mediumId));
  if (!device || !medium || !deviceIsInScope(device, scope)) throw data({ reason: "not-found" }, { status: 404 });
  return { technician, device, medium };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { device, medium } = await loadMedium(request, params);
  return { device: { id: device.id, assetTag: device.assetTag, manufacturer: device.manufacturer, model: device.model, status: device.status }, medium };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { technician, device, medium } = await loadMedium(request, params);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: wipeRecordSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const source = formData.get("source") === "nwipe-log" ? "nwipe-log" : "manual";
  const result = recordWipe(device.id, medium.id, { ...submission.value, source }, technician.id);
  if (result.ok) return redirectWithFlash(`/devices/${device.id}`, { key: "flash.wipeRecorded", values: { serial: medium.serial } });
  if (result.reason === "violations") {
    return data(submission.reply({ fieldErrors: Object.fromEntries(result.violations.map((violation) => [violation.field, [violation.message]])) }), {
      status: 400,
    });
  }
  return data(submission.reply({ formErrors: [result.reason === "not-found" ? "errors.device.not-found" : "errors.device.invalid-state"] }), { status: 409 });
}

export default function RecordWipePage() {
  const { t } = useTranslation();
  const { device, medium } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="max-w-4xl space-y-4">
      <p>
        <Link to={`/devices/${device.id}`}>{t("wipePage.back", { assetTag: device.assetTag })}</Link>
      </p>
      <PageHeading>{t("wipePage.title")}</PageHeading>
      <p className="text-slate-700">
        {t("wipePage.intro", { serial: medium.serial, kind: medium.kind, capacity: medium.capacityGb, device: `${device.manufacturer} ${device.model}` })}
      </p>
      {device.status === "collected" ? (
        <Card>
          <WipeRecordForm id={`wipe-${medium.id}`} lastResult={lastResult} submitLabel={t("wipePage.save")} />
        </Card>
      ) : (
        <Notice tone="warning">{t("wipePage.notCollected")}</Notice>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
