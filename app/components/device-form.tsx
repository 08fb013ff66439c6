// The device registration form, shared by "register" and "edit". Storage media are a list that
// grows and shrinks with conform's insert/remove intents, which also work without JavaScript
// (the server answers the intent with the updated form).
import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { deviceFormSchema, keyboardLayouts } from "~/forms/device";
import { deviceTypes, mediumKinds } from "~/domain/devices";
import { buttonClass, FormErrors, SelectField, SubmitButton, TextAreaField, TextField, ValidatedForm } from "./ui/form";
import { Card } from "./ui/page";

export type DeviceFormValues = z.input<typeof deviceFormSchema>;

export function DeviceForm({
  lastResult,
  defaultValue,
  departments,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: DefaultValue<DeviceFormValues>;
  /** Shown to coordinators, who choose the owning department; department staff register for their own. */
  departments: { id: number; name: string }[] | null;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<DeviceFormValues, z.output<typeof deviceFormSchema>>({
    id: "device",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(deviceFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deviceFormSchema }),
    shouldRevalidate: "onBlur",
  });
  const media = fields.media.getFieldList();

  return (
    <ValidatedForm form={form} className="space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Card title={t("deviceForm.identity")}>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField meta={fields.assetTag} label={t("device.assetTag")} autoComplete="off" />
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
          <TextField meta={fields.screenInches} label={t("device.screenInches")} type="number" hint={t("deviceForm.decimalHint")} />
          <SelectField
            meta={fields.keyboardLayout}
            label={t("device.keyboardLayout")}
            placeholder={t("deviceForm.noKeyboard")}
            options={keyboardLayouts.map((layout) => ({ value: layout, label: layout }))}
          />
          <TextField meta={fields.batteryHealthPercent} label={t("device.batteryHealthPercent")} type="number" />
          <TextField meta={fields.weightKg} label={t("device.weightKg")} type="number" hint={t("deviceForm.decimalHint")} />
        </div>
      </Card>
      <Card title={t("deviceForm.purchase")}>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField meta={fields.purchaseDate} label={t("device.purchaseDate")} type="date" />
          <TextField meta={fields.purchasePriceEuros} label={t("device.purchasePriceEuros")} type="number" hint={t("deviceForm.decimalHint")} />
          <div className="md:col-span-2">
            <TextAreaField meta={fields.conditionNotes} label={t("device.conditionNotes")} hint={t("deviceForm.conditionHint")} />
          </div>
        </div>
      </Card>
      <Card title={t("deviceForm.media")}>
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
                <button {...form.remove.getButtonProps({ name: fields.media.name, index })} className={`${buttonClass("secondary")} mt-3`}>
                  {t("deviceForm.removeMedium", { number: index + 1 })}
                </button>
              </fieldset>
            );
          })}
        </div>
        <button {...form.insert.getButtonProps({ name: fields.media.name })} className={`${buttonClass("secondary")} mt-4`}>
          {t("deviceForm.addMedium")}
        </button>
      </Card>
      <SubmitButton>{submitLabel}</SubmitButton>
    </ValidatedForm>
  );
}
