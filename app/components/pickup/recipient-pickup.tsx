// The recipient's side of a pickup, on their home page: per request, the devices still on the shelf
// (with what happens next), the devices ready for pickup (where and when) with the form to type the code
// the technician gives at the counter, and the handover receipts.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import { RequestDeviceChoice } from "~/components/pickup/technician-pickup";
import { FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card } from "~/components/ui/page";
import type { FormResult } from "~/components/device-page/form-result";
import { pickupCodeForm } from "~/forms/pickup";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

type PickupDevice = {
  deviceId: number;
  assetTag: string;
  manufacturer: string;
  model: string;
  pickupLocation: string | null;
  pickupFrom: string | Date | null;
  pickupUntil: string | Date | null;
};

export type RequestPickup = { requestId: number; ready: PickupDevice[]; waiting: PickupDevice[] };

const deviceName = (device: PickupDevice) => `${device.manufacturer} ${device.model} (${device.assetTag})`;

function PickupCodeForm({ pickup, signerName, lastResult }: { pickup: RequestPickup; signerName: string; lastResult: FormResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `pickup-${pickup.requestId}`,
    lastResult,
    defaultValue: { signedBy: signerName },
    constraint: getZodConstraint(pickupCodeForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pickupCodeForm }),
    shouldValidate: "onSubmit",
  });
  const devices = pickup.ready.map((device) => ({ ...device, ready: true }));
  return (
    <ValidatedForm form={form} className="space-y-3 rounded-md border border-slate-200 p-3">
      <h4 className="font-semibold">{t("pickup.recipient.codeTitle")}</h4>
      <p className="text-sm text-slate-700">{t("pickup.recipient.codeIntro")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="pickup" />
      <input type="hidden" name="requestId" value={pickup.requestId} />
      <RequestDeviceChoice
        name="deviceIds"
        legend={t("pickup.recipient.devicesLegend")}
        devices={devices}
        errors={fields.deviceIds.errors}
        errorId={fields.deviceIds.errorId}
      />
      <TextField meta={fields.pickupCode} label={t("pickup.recipient.code", { request: pickup.requestId })} autoComplete="off" />
      <TextField meta={fields.signedBy} label={t("pickup.recipient.signedBy")} autoComplete="name" />
      <SubmitButton>{t("pickup.recipient.submit", { count: pickup.ready.length })}</SubmitButton>
    </ValidatedForm>
  );
}

export function RecipientPickups({
  pickups,
  receipts,
  signerName,
  lastResult,
}: {
  pickups: RequestPickup[];
  receipts: number[];
  signerName: string;
  /** The code form's last reply, with the request it was for. */
  lastResult: { requestId: number; result: FormResult } | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (pickups.length === 0 && receipts.length === 0) return null;
  return (
    <Card title={t("pickup.recipient.title")}>
      <div className="space-y-6">
        {pickups.map((pickup) => {
          const first = pickup.ready[0];
          return (
            <section key={pickup.requestId} aria-labelledby={`pickup-request-${pickup.requestId}`} className="space-y-3">
              <h3 id={`pickup-request-${pickup.requestId}`} className="font-semibold">
                {t("pickup.recipient.request", { request: pickup.requestId })}
              </h3>
              {first?.pickupLocation && first.pickupFrom && first.pickupUntil ? (
                <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3">
                  <p className="font-medium text-emerald-950">{t("pickup.recipient.ready", { devices: pickup.ready.map(deviceName).join(", ") })}</p>
                  <p className="mt-1 whitespace-pre-line text-slate-900">{first.pickupLocation}</p>
                  <p className="mt-1 text-slate-900">
                    {t("pickup.window", {
                      from: formatDateTime(new Date(first.pickupFrom), language),
                      until: formatDateTime(new Date(first.pickupUntil), language),
                    })}
                  </p>
                </div>
              ) : null}
              {pickup.waiting.length > 0 ? (
                <p className="text-slate-800">{t("pickup.recipient.waiting", { devices: pickup.waiting.map(deviceName).join(", ") })}</p>
              ) : null}
              {pickup.ready.length > 0 ? (
                <PickupCodeForm
                  pickup={pickup}
                  signerName={signerName}
                  lastResult={lastResult?.requestId === pickup.requestId ? lastResult.result : undefined}
                />
              ) : null}
            </section>
          );
        })}
        {receipts.length > 0 ? (
          <section aria-labelledby="pickup-receipts" className="space-y-2">
            <h3 id="pickup-receipts" className="font-semibold">
              {t("pickup.recipient.receiptsTitle")}
            </h3>
            <ul className="space-y-1">
              {receipts.map((requestId) => (
                <li key={requestId}>
                  <a href={`/requests/${requestId}/receipt.pdf`}>{t("pickup.receiptLink", { request: requestId })}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Card>
  );
}
