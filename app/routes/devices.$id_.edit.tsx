import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requireUser } from "~/auth/guards.server";
import { editRegistration } from "~/commands/devices/edit-registration.server";
import { DeviceForm } from "~/components/device-form";
import { RouteErrorBoundary } from "~/components/error-page";
import { Notice, PageHeading } from "~/components/ui/page";
import { mayEditRegistration } from "~/domain/lifecycle";
import { deviceFormSchema } from "~/forms/device";
import { redirectWithFlash } from "~/http/flash.server";
import { formRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { requireScopedDevice } from "~/http/scoped-device.server";
import { pageTitle } from "~/i18n/meta";
import { formatNumber } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageTitle(matches, "devices.editTitle", { assetTag: loaderData?.device.assetTag ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, device } = await requireScopedDevice(request, params.id);
  // The form is for those who may correct the registration (the command decides again on saving).
  if (!mayEditRegistration(actor, device.departmentId)) throw data({ reason: "forbidden" }, { status: 403 });
  // Past registration the command would refuse the change (409): the page says why, with no form to fill in vain.
  if (device.status !== "registered") return data({ device }, { status: 409 });
  return { device };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: deviceFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const result = editRegistration(lifecycleActorOf(user), { ...submission.value, deviceId: Number(params.id) });
  if (!result.ok) return formRefusal(submission, result);
  return redirectWithFlash(`/devices/${result.value.id}`, { key: "flash.deviceUpdated", values: { assetTag: result.value.assetTag } });
}

export default function EditDevicePage() {
  const { t } = useTranslation();
  const { device } = useLoaderData<typeof loader>();
  const language = useLanguage();
  // Shown as the reader writes numbers (14,5 in Dutch); the form reads either way back.
  const decimal = (value: number | null) => (value === null ? undefined : formatNumber(value, language, { useGrouping: false, maximumFractionDigits: 2 }));
  const lastResult = useActionData<typeof action>();
  const defaultValue = {
    assetTag: device.assetTag,
    serial: device.serial,
    manufacturer: device.manufacturer,
    model: device.model,
    type: device.type,
    cpu: device.cpu ?? undefined,
    ramGb: device.ramGb?.toString(),
    storageGb: device.storageGb?.toString(),
    screenInches: decimal(device.screenInches),
    keyboardLayout: device.keyboardLayout ?? undefined,
    batteryHealthPercent: device.batteryHealthPercent?.toString(),
    conditionNotes: device.conditionNotes ?? undefined,
    purchaseDate: device.purchaseDate ?? undefined,
    purchasePriceEuros: decimal(device.purchasePriceCents === null ? null : device.purchasePriceCents / 100),
    weightKg: decimal(device.weightKg),
    media: device.media.map((medium) => ({ serial: medium.serial, kind: medium.kind, capacityGb: medium.capacityGb.toString() })),
  };
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeading>{t("devices.editTitle", { assetTag: device.assetTag })}</PageHeading>
      {device.status === "registered" ? (
        <DeviceForm lastResult={lastResult} defaultValue={defaultValue} departments={null} submitLabel={t("devices.saveChanges")} />
      ) : (
        <>
          <Notice tone="warning">{t("devices.editOnlyRegistered")}</Notice>
          <p>
            <Link to={`/devices/${device.id}`}>{t("wipePage.back", { assetTag: device.assetTag })}</Link>
          </p>
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
