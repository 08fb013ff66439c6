// Offering a certified device for reuse: its condition grade, and a check of the specifications.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import { CheckboxField, FormErrors, SelectField, SubmitButton, ValidatedForm } from "~/components/ui/form";
import { conditionGrades } from "~/domain/lifecycle";
import { listForm } from "~/forms/device-actions";
import type { FormResult } from "./form-result";

export function ListForm({ lastResult }: { lastResult: FormResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "list",
    lastResult,
    constraint: getZodConstraint(listForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: listForm }),
  });
  return (
    <ValidatedForm form={form} className="w-full max-w-xl space-y-3 rounded-md border border-slate-200 p-4">
      <h3 className="font-semibold">{t("devicePage.listTitle")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="list" />
      <SelectField
        meta={fields.grade}
        label={t("device.conditionGrade")}
        placeholder={t("forms.choose")}
        options={conditionGrades.map((grade) => ({ value: grade, label: t(`grades.${grade}`) }))}
      />
      <CheckboxField meta={fields.specsConfirmed} label={t("devicePage.specsConfirmed")} />
      <SubmitButton>{t("devicePage.list")}</SubmitButton>
    </ValidatedForm>
  );
}
