// Offering a certified device for reuse: its condition grade, and its specifications shown right here,
// filled in as registered (or corrected at collection), to check and correct before it is listed.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CheckboxField, FormErrors, SelectField, SubmitButton, ValidatedForm } from "~/components/ui/form";
import { conditionGrades } from "~/domain/lifecycle";
import { listForm } from "~/forms/device-actions";
import { useLanguage } from "~/i18n/use-language";
import type { FormResult } from "./form-result";
import { SpecFields, specDefaults, type RegisteredSpecs } from "./spec-fields";

export function ListForm({ specs, lastResult }: { specs: RegisteredSpecs; lastResult: FormResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof listForm>, z.output<typeof listForm>>({
    id: "list",
    lastResult,
    defaultValue: specDefaults(specs, language),
    constraint: getZodConstraint(listForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: listForm }),
    shouldRevalidate: "onInput",
  });
  return (
    <ValidatedForm form={form} className="w-full space-y-4 rounded-md border border-slate-200 p-4">
      <h3 className="font-semibold">{t("devicePage.listTitle")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="list" />
      <div className="max-w-xs">
        <SelectField
          meta={fields.grade}
          label={t("device.conditionGrade")}
          placeholder={t("forms.choose")}
          options={conditionGrades.map((grade) => ({ value: grade, label: t(`grades.${grade}`) }))}
        />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t("devicePage.listSpecsTitle")}</legend>
        <p className="text-sm text-slate-700">{t("devicePage.listSpecsIntro")}</p>
        <SpecFields fields={fields} />
      </fieldset>
      <CheckboxField meta={fields.specsConfirmed} label={t("devicePage.specsConfirmed")} />
      <SubmitButton>{t("devicePage.list")}</SubmitButton>
    </ValidatedForm>
  );
}
