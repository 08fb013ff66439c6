// The device registration form, shared by "register" and "edit". Storage media are a list that
// grows and shrinks with conform's insert/remove intents, which also work without JavaScript
// (the server answers the intent with the updated form). Enter in a field sends the form itself,
// not "add a storage medium": a hidden default button comes first.
import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { deviceFormSchema, keyboardLayouts, registerDeviceFormSchema } from "~/forms/device";
import { deviceTypes, mediumKinds } from "~/domain/devices";
import { focusElement } from "./ui/focus";
import {
  buttonClass,
  DefaultSubmitButton,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  ValidatedForm,
  type SummaryField,
} from "./ui/form";
import { useAnnounce } from "./ui/live-region";
import { Card } from "./ui/page";

export type DeviceFormValues = z.input<typeof deviceFormSchema>;

/** The form's fields in the order they appear, with their labels' keys (for the error summary). */
const fieldLabels: readonly (readonly [string, string])[] = [
  ["assetTag", "device.assetTag"],
  ["serial", "device.serial"],
  ["manufacturer", "device.manufacturer"],
  ["model", "device.model"],
  ["type", "device.type"],
  ["departmentId", "device.department"],
  ["cpu", "device.cpu"],
  ["ramGb", "device.ramGb"],
  ["storageGb", "device.storageGb"],
  ["screenInches", "device.screenInches"],
  ["keyboardLayout", "device.keyboardLayout"],
  ["batteryHealthPercent", "device.batteryHealthPercent"],
  ["weightKg", "device.weightKg"],
  ["purchaseDate", "device.purchaseDate"],
  ["purchasePriceEuros", "device.purchasePriceEuros"],
  ["conditionNotes", "device.conditionNotes"],
];
const mediumLabels: readonly (readonly [string, string])[] = [
  ["serial", "medium.serial"],
  ["kind", "medium.kind"],
  ["capacityGb", "medium.capacityGb"],
];

/**
 * The answer to a form whose `media` is no list (a hand-made `media=x`) starts the list empty: conform
 * throws while rendering a list field whose value is not a list, which made that request a 500.
 */
export function withMediaAsList(result: SubmissionResult<string[]> | undefined): SubmissionResult<string[]> | undefined {
  const initialValue = result?.initialValue;
  if (!result || !initialValue || !("media" in initialValue) || Array.isArray(initialValue.media)) return result;
  const { media: _notAList, ...rest } = initialValue;
  return { ...result, initialValue: rest };
}

export function DeviceForm({
  lastResult,
  defaultValue,
  departments,
  submitLabel,
  assetTagOptional = false,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: DefaultValue<DeviceFormValues>;
  /** Shown to coordinators, who choose the owning department; department staff register for their own. */
  departments: { id: number; name: string }[] | null;
  submitLabel: string;
  /** Registering: an empty asset tag is assigned by Circuit (CIR- and six digits). */
  assetTagOptional?: boolean;
}) {
  const { t } = useTranslation();
  const schema = assetTagOptional ? registerDeviceFormSchema : deviceFormSchema;
  const [form, fields] = useForm<DeviceFormValues, z.output<typeof registerDeviceFormSchema>>({
    id: "device",
    lastResult: withMediaAsList(lastResult),
    defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: "onInput",
  });
  const media = fields.media.getFieldList();
  const mediaHeadingId = `${form.id}-media-heading`;
  const announce = useAnnounce();

  // After "add", focus goes to the new medium's first field; after "remove", to the list's heading
  // (the fieldsets after it were renumbered). Each change is announced.
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
    const position = fieldLabels.findIndex(([field]) => field === name);
    const field = fieldLabels[position];
    if (field) return { label: t(field[1]), position };
    if (name === fields.media.name) return { label: t("deviceForm.media"), position: fieldLabels.length, targetId: mediaHeadingId };
    const item = /^media\[(\d+)\]\.(\w+)$/.exec(name);
    const part = mediumLabels.findIndex(([mediumField]) => mediumField === item?.[2]);
    const mediumField = mediumLabels[part];
    if (!item || !mediumField) return undefined;
    const index = Number(item[1]);
    return {
      label: `${t("deviceForm.mediumLegend", { number: index + 1 })}: ${t(mediumField[1])}`,
      position: fieldLabels.length + 1 + index * mediumLabels.length + part,
    };
  };

  return (
    <ValidatedForm form={form} className="space-y-6">
      <DefaultSubmitButton />
      <ErrorSummary formId={form.id} fields={summaryField} />
      <Card title={t("deviceForm.identity")}>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField
            meta={fields.assetTag}
            label={t("device.assetTag")}
            autoComplete="off"
            hint={assetTagOptional ? t("inlineWork.assetTagHint") : undefined}
          />
          <TextField meta={fields.serial} label={t("device.serial")} autoComplete="off" />
          <TextField meta={fields.manufacturer} label={t("device.manufacturer")} />
          <TextField meta={fields.model} label={t("device.model")} />
          <SelectField
            meta={fields.type}
            label={t("device.type")}
            placeholder={t("forms.choose")}
            options={deviceTypes.map((type) => ({ value: type, label: t(`deviceTypes.${type}`) }))}
          />
          {departments ? (
            <SelectField
              meta={fields.departmentId}
              label={t("device.department")}
              placeholder={t("forms.choose")}
              options={departments.map((department) => ({ value: String(department.id), label: department.name }))}
            />
          ) : null}
        </div>
      </Card>
      <Card title={t("deviceForm.specs")}>
        <div className="grid gap-4 md:grid-cols-3">
          <TextField meta={fields.cpu} label={t("device.cpu")} />
          <TextField meta={fields.ramGb} label={t("device.ramGb")} type="number" />
          <TextField meta={fields.storageGb} label={t("device.storageGb")} type="number" />
          <TextField meta={fields.screenInches} label={t("device.screenInches")} inputMode="decimal" hint={t("deviceForm.decimalHint")} />
          <SelectField
            meta={fields.keyboardLayout}
            label={t("device.keyboardLayout")}
            placeholder={t("deviceForm.noKeyboard")}
            options={keyboardLayouts.map((layout) => ({ value: layout, label: layout }))}
          />
          <TextField meta={fields.batteryHealthPercent} label={t("device.batteryHealthPercent")} type="number" />
          <TextField meta={fields.weightKg} label={t("device.weightKg")} inputMode="decimal" hint={t("deviceForm.decimalHint")} />
        </div>
      </Card>
      <Card title={t("deviceForm.purchase")}>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField meta={fields.purchaseDate} label={t("device.purchaseDate")} type="date" />
          <TextField meta={fields.purchasePriceEuros} label={t("device.purchasePriceEuros")} inputMode="decimal" hint={t("deviceForm.decimalHint")} />
          <div className="md:col-span-2">
            <TextAreaField meta={fields.conditionNotes} label={t("device.conditionNotes")} hint={t("deviceForm.conditionHint")} />
          </div>
        </div>
      </Card>
      <Card title={t("deviceForm.media")} headingId={mediaHeadingId}>
        <p className="mb-4 text-slate-700">{t("deviceForm.mediaIntro")}</p>
        {media.length === 0 ? <p className="mb-4 text-slate-700">{t("deviceForm.noMedia")}</p> : null}
        <div className="space-y-4">
          {media.map((medium, index) => {
            const mediumFields = medium.getFieldset();
            return (
              <fieldset key={medium.key} className="rounded-md border border-slate-300 p-4">
                <legend className="px-1 font-semibold">{t("deviceForm.mediumLegend", { number: index + 1 })}</legend>
                <div className="grid gap-4 md:grid-cols-3">
                  <TextField meta={mediumFields.serial} label={t("medium.serial")} autoComplete="off" />
                  <SelectField
                    meta={mediumFields.kind}
                    label={t("medium.kind")}
                    placeholder={t("forms.choose")}
                    options={mediumKinds.map((kind) => ({ value: kind, label: kind }))}
                  />
                  <TextField meta={mediumFields.capacityGb} label={t("medium.capacityGb")} type="number" />
                </div>
                <button
                  {...form.remove.getButtonProps({ name: fields.media.name, index })}
                  onClick={() => (pendingChange.current = { kind: "remove", number: index + 1 })}
                  className={`${buttonClass("secondary")} mt-3`}
                >
                  {t("deviceForm.removeMedium", { number: index + 1 })}
                </button>
              </fieldset>
            );
          })}
        </div>
        <button
          {...form.insert.getButtonProps({ name: fields.media.name })}
          onClick={() => (pendingChange.current = { kind: "add" })}
          className={`${buttonClass("secondary")} mt-4`}
        >
          {t("deviceForm.addMedium")}
        </button>
      </Card>
      <SubmitButton>{submitLabel}</SubmitButton>
    </ValidatedForm>
  );
}
