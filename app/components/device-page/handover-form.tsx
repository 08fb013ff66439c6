// A technician records the handover of a reserved device: the representative types their full name
// and confirms they received it.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import { CheckboxField, FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { handoverForm } from "~/forms/device-actions";
import type { FormResult } from "./form-result";

export function HandoverForm({ recipientName, lastResult }: { recipientName: string; lastResult: FormResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "handover",
    lastResult,
    constraint: getZodConstraint(handoverForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: handoverForm }),
  });
  return (
    <ValidatedForm form={form} className="w-full max-w-xl space-y-3 rounded-md border border-slate-200 p-4">
      <h3 className="font-semibold">{t("devicePage.handoverTitle")}</h3>
      <p className="text-sm text-slate-700">{t("devicePage.handoverIntro", { recipient: recipientName })}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="handover" />
      <TextField meta={fields.signedBy} label={t("devicePage.signedBy")} autoComplete="off" />
      <CheckboxField meta={fields.signatureConfirmed} label={t("devicePage.signatureConfirmed", { recipient: recipientName })} />
      <SubmitButton>{t("devicePage.handover")}</SubmitButton>
    </ValidatedForm>
  );
}
