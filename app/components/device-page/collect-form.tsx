// A technician collects a registered device from its department, confirming its drives and specifications
// as they find them: the registered values are filled in, so collecting as registered is one click; a drive
// the department could not see is added, one that is not there removed, a wrong value corrected. Drives
// are a list that grows and shrinks with conform's insert/remove intents, which work without JavaScript too.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { mediumKinds } from "~/domain/devices";
import { collectForm } from "~/forms/device-confirmation";
import { useLanguage } from "~/i18n/use-language";
import { withMediaAsList } from "../device-form";
import { focusElement } from "../ui/focus";
import { buttonClass, DefaultSubmitButton, ErrorSummary, SelectField, SubmitButton, TextField, ValidatedForm, type SummaryField } from "../ui/form";
import { useAnnounce } from "../ui/live-region";
import type { FormResult } from "./form-result";
import { SpecFields, specDefaults, type RegisteredSpecs } from "./spec-fields";

type CollectFormValues = z.input<typeof collectForm>;

export type CollectableDevice = RegisteredSpecs & { media: { id: number; serial: string; kind: string; capacityGb: number }[] };

const specLabels: readonly (readonly [string, string])[] = [
  ["cpu", "device.cpu"],
  ["ramGb", "device.ramGb"],
  ["storageGb", "device.storageGb"],
  ["screenInches", "device.screenInches"],
  ["keyboardLayout", "device.keyboardLayout"],
  ["batteryHealthPercent", "device.batteryHealthPercent"],
  ["weightKg", "device.weightKg"],
];
const mediumLabels = ["serial", "kind", "capacityGb"] as const;

export function CollectForm({ device, lastResult }: { device: CollectableDevice; lastResult?: FormResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form, fields] = useForm<CollectFormValues, z.output<typeof collectForm>>({
    id: "collect",
    // A hand-made answer whose media are no list starts the list empty (conform would throw while rendering).
    lastResult: withMediaAsList(lastResult ?? undefined),
    defaultValue: {
      ...specDefaults(device, language),
      media: device.media.map((medium) => ({ id: String(medium.id), serial: medium.serial, kind: medium.kind, capacityGb: String(medium.capacityGb) })),
    },
    constraint: getZodConstraint(collectForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: collectForm }),
    shouldRevalidate: "onInput",
  });
  const media = fields.media.getFieldList();
  const mediaHeadingId = `${form.id}-media-heading`;
  const announce = useAnnounce();

  // As on the registration form: after "add", focus goes to the new drive's serial; after "remove", to the list's heading.
  const pendingChange = useRef<{ kind: "add" } | { kind: "remove"; number: number } | null>(null);
  useEffect(() => {
    const change = pendingChange.current;
    if (!change) return;
    pendingChange.current = null;
    if (change.kind === "add") {
      focusElement(document.getElementById(`${form.id}-${fields.media.name}[${media.length - 1}].serial`));
      announce(t("deviceForm.mediumAdded", { number: media.length }));
    } else {
      focusElement(document.getElementById(mediaHeadingId));
      announce(t("deviceForm.mediumRemoved", { number: change.number, count: media.length }));
    }
    // Runs when the list's length changes; the ref says whether this form's buttons changed it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [media.length]);

  const summaryField = (name: string): SummaryField | undefined => {
    const item = /^media\[(\d+)\]\.(\w+)$/.exec(name);
    if (item) {
      const part = mediumLabels.findIndex((field) => field === item[2]);
      const index = Number(item[1]);
      return part === -1
        ? undefined
        : { label: `${t("collect.drive", { number: index + 1 })}: ${t(`medium.${mediumLabels[part]}`)}`, position: index * 3 + part };
    }
    if (name === fields.media.name) return { label: t("collect.drivesTitle"), position: 0, targetId: mediaHeadingId };
    const position = specLabels.findIndex(([field]) => field === name);
    const spec = specLabels[position];
    return spec ? { label: t(spec[1]), position: 100 + position } : undefined;
  };

  return (
    <ValidatedForm form={form} className="w-full space-y-5">
      <DefaultSubmitButton />
      <input type="hidden" name="intent" value="collect" />
      <p className="text-slate-800">{t("collect.intro")}</p>
      <ErrorSummary formId={form.id} fields={summaryField} />
      <fieldset className="space-y-3">
        <legend id={mediaHeadingId} tabIndex={-1} className="font-semibold text-slate-900">
          {t("collect.drivesTitle")}
        </legend>
        {media.length === 0 ? <p className="text-sm text-slate-700">{t("collect.noDrives")}</p> : null}
        {media.map((medium, index) => {
          const mediumFields = medium.getFieldset();
          return (
            <div key={medium.key} role="group" aria-label={t("collect.drive", { number: index + 1 })} className="rounded-md border border-slate-300 p-3">
              <p className="mb-2 text-sm font-semibold">{t("collect.drive", { number: index + 1 })}</p>
              <input type="hidden" name={mediumFields.id.name} value={String(mediumFields.id.value ?? "")} />
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField meta={mediumFields.serial} label={t("medium.serial")} autoComplete="off" />
                <SelectField
                  meta={mediumFields.kind}
                  label={t("medium.kind")}
                  placeholder={t("forms.choose")}
                  options={mediumKinds.map((kind) => ({ value: kind, label: kind }))}
                />
                <TextField meta={mediumFields.capacityGb} label={t("medium.capacityGb")} inputMode="numeric" />
              </div>
              <button
                {...form.remove.getButtonProps({ name: fields.media.name, index })}
                onClick={() => (pendingChange.current = { kind: "remove", number: index + 1 })}
                className={`${buttonClass("secondary")} mt-3`}
              >
                {t("collect.removeDrive", { number: index + 1 })}
              </button>
            </div>
          );
        })}
        <button
          {...form.insert.getButtonProps({ name: fields.media.name })}
          onClick={() => (pendingChange.current = { kind: "add" })}
          className={buttonClass("secondary")}
        >
          {t("collect.addDrive")}
        </button>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold text-slate-900">{t("collect.specsTitle")}</legend>
        <SpecFields fields={fields} />
      </fieldset>
      <SubmitButton>{t("devicePage.collect")}</SubmitButton>
    </ValidatedForm>
  );
}
