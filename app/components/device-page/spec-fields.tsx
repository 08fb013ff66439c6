// The specifications a technician checks, prefilled with what is registered: at collection and at grading.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { keyboardLayouts } from "~/domain/devices";
import { formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/config";
import { SelectField, TextField } from "../ui/form";

export type RegisteredSpecs = {
  cpu: string | null;
  ramGb: number | null;
  storageGb: number | null;
  screenInches: number | null;
  keyboardLayout: string | null;
  batteryHealthPercent: number | null;
  weightKg: number | null;
};

/** The form's starting values: numbers as the reader writes them (14,5 in Dutch); the schema reads either back. */
export function specDefaults(specs: RegisteredSpecs, language: Language) {
  const decimal = (value: number | null) => (value === null ? undefined : formatNumber(value, language, { useGrouping: false, maximumFractionDigits: 2 }));
  return {
    cpu: specs.cpu ?? undefined,
    ramGb: specs.ramGb?.toString(),
    storageGb: specs.storageGb?.toString(),
    screenInches: decimal(specs.screenInches),
    keyboardLayout: specs.keyboardLayout ?? undefined,
    batteryHealthPercent: specs.batteryHealthPercent?.toString(),
    weightKg: decimal(specs.weightKg),
  };
}

type SpecFieldMetas = Record<Exclude<keyof RegisteredSpecs, "keyboardLayout">, FieldMetadata<unknown>> & {
  keyboardLayout: FieldMetadata<string | undefined | null>;
};

export function SpecFields({ fields }: { fields: SpecFieldMetas }) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <TextField meta={fields.cpu} label={t("device.cpu")} />
      <TextField meta={fields.ramGb} label={t("device.ramGb")} inputMode="numeric" />
      <TextField meta={fields.storageGb} label={t("device.storageGb")} inputMode="numeric" />
      <TextField meta={fields.screenInches} label={t("device.screenInches")} inputMode="decimal" />
      <SelectField
        meta={fields.keyboardLayout}
        label={t("device.keyboardLayout")}
        placeholder={t("deviceForm.noKeyboard")}
        options={keyboardLayouts.map((layout) => ({ value: layout, label: layout }))}
      />
      <TextField meta={fields.batteryHealthPercent} label={t("device.batteryHealthPercent")} inputMode="numeric" />
      <TextField meta={fields.weightKg} label={t("device.weightKg")} inputMode="decimal" />
    </div>
  );
}
