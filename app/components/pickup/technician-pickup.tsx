// The technician's side of a pickup on a reserved device's page: putting the request's reserved devices
// out for pickup (place and time window), and, once they are, where and when, with the code to give the
// recipient at the counter.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors, SubmitButton, TextAreaField, TextField, ValidatedForm, buttonClass } from "~/components/ui/form";
import type { FormResult } from "~/components/device-page/form-result";
import { preparePickupForm } from "~/forms/pickup";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

export type RequestDeviceOption = { deviceId: number; assetTag: string; manufacturer: string; model: string; ready: boolean };

export type PickupDefaults = { location: string; from: string; until: string; addressKnown: boolean };

export type ReadyPickup = { location: string; from: number; until: number; code: string | null };

/** One checkbox per device of the request (all ticked), or the one device as a hidden field. */
export function RequestDeviceChoice({
  name,
  legend,
  devices,
  errors,
  errorId,
  alwaysChoose = false,
}: {
  name: string;
  legend: string;
  devices: readonly RequestDeviceOption[];
  errors: string[] | undefined;
  errorId: string;
  /** Offer a checkbox even for a single device (an optional extra, not the only choice). */
  alwaysChoose?: boolean;
}) {
  const { t } = useTranslation();
  if (devices.length === 1 && !alwaysChoose) return <input type="hidden" name={name} value={devices[0]!.deviceId} />;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-semibold text-slate-800">{legend}</legend>
      <ul className="mt-1 space-y-1">
        {devices.map((device) => (
          <li key={device.deviceId} className="flex items-start gap-2">
            <input
              type="checkbox"
              id={`${name}-${device.deviceId}`}
              name={name}
              value={device.deviceId}
              defaultChecked
              className="mt-1 h-4 w-4 rounded border-slate-400 text-emerald-800 focus:ring-emerald-700"
            />
            <label htmlFor={`${name}-${device.deviceId}`} className="text-sm text-slate-900">
              {t("pickup.deviceOption", { device: `${device.manufacturer} ${device.model}`, assetTag: device.assetTag })}
            </label>
          </li>
        ))}
      </ul>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}

export function PreparePickupForm({
  requestId,
  devices,
  defaults,
  lastResult,
  again,
}: {
  requestId: number;
  devices: readonly RequestDeviceOption[];
  defaults: PickupDefaults;
  lastResult: FormResult;
  /** The devices are ready already: the form changes the place or time (and gives a new code). */
  again: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "prepare-pickup",
    lastResult,
    defaultValue: { pickupLocation: defaults.location, pickupFrom: defaults.from, pickupUntil: defaults.until },
    constraint: getZodConstraint(preparePickupForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: preparePickupForm }),
    shouldValidate: "onSubmit",
  });
  const body = (
    <ValidatedForm form={form} className="space-y-3">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="prepare-pickup" />
      <input type="hidden" name="requestId" value={requestId} />
      <RequestDeviceChoice
        name="deviceIds"
        legend={t("pickup.devicesLegend", { request: requestId })}
        devices={devices}
        errors={fields.deviceIds.errors}
        errorId={fields.deviceIds.errorId}
      />
      {defaults.addressKnown ? null : <p className="text-sm text-amber-900">{t("pickup.noAddress")}</p>}
      <TextAreaField meta={fields.pickupLocation} label={t("pickup.location")} hint={t("pickup.locationHint")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField meta={fields.pickupFrom} type="datetime-local" label={t("pickup.from")} />
        <TextField meta={fields.pickupUntil} type="datetime-local" label={t("pickup.until")} />
      </div>
      <SubmitButton>{again ? t("pickup.changeSubmit") : t("pickup.submit", { count: devices.length })}</SubmitButton>
    </ValidatedForm>
  );
  if (!again) {
    return (
      <section aria-labelledby="prepare-pickup-title" className="w-full max-w-xl space-y-3 rounded-md border border-slate-200 p-4">
        <h3 id="prepare-pickup-title" className="font-semibold">
          {t("pickup.prepareTitle")}
        </h3>
        <p className="text-sm text-slate-700">{t("pickup.prepareIntro")}</p>
        {body}
      </section>
    );
  }
  return (
    <details className="w-full max-w-xl" open={form.status === "error"}>
      <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("pickup.change")}</summary>
      <div className="mt-3">{body}</div>
    </details>
  );
}

/** Where and when the device waits, and the code to give at the counter. */
export function ReadyForPickup({ pickup }: { pickup: ReadyPickup }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="ready-for-pickup-title" className="w-full space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-4">
      <h3 id="ready-for-pickup-title" className="font-semibold text-emerald-950">
        {t("pickup.readyTitle")}
      </h3>
      <p className="whitespace-pre-line text-slate-900">{pickup.location}</p>
      <p className="text-slate-900">{t("pickup.window", { from: formatDateTime(pickup.from, language), until: formatDateTime(pickup.until, language) })}</p>
      {pickup.code ? (
        <p className="text-slate-900">
          {t("pickup.codeLabel")}{" "}
          <strong className="rounded bg-white px-2 py-0.5 font-mono text-xl tracking-widest" data-testid="pickup-code">
            {pickup.code}
          </strong>
          <span className="block text-sm text-slate-700">{t("pickup.codeHint")}</span>
        </p>
      ) : null}
    </section>
  );
}
