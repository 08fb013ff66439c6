import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requireUser } from "~/auth/guards.server";
import { recordWipe, recordWipeInput } from "~/commands/wipes/record-wipe.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { WipeRecordForm } from "~/components/wipe-record-form";
import { redirectWithFlash } from "~/http/flash.server";
import { formRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { requireScopedDevice } from "~/http/scoped-device.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "wipePage.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { device } = await requireScopedDevice(request, params.id, "wipe.record");
  const medium = device.media.find((candidate) => candidate.id === Number(params.mediumId));
  if (!medium) throw data({ reason: "not-found" }, { status: 404 });
  return { device: { id: device.id, assetTag: device.assetTag, manufacturer: device.manufacturer, model: device.model, status: device.status }, medium };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  // The device and the medium are the ones the address names, whatever the form says.
  formData.set("deviceId", params.id ?? "");
  formData.set("mediumId", params.mediumId ?? "");
  const submission = parseWithZod(formData, { schema: recordWipeInput });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = recordWipe(lifecycleActorOf(user), submission.value);
  if (!result.ok) return formRefusal(submission, result);
  return redirectWithFlash(`/devices/${result.value.deviceId}`, { key: "flash.wipeRecorded", values: { serial: result.value.mediumSerial } });
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
