// Sending a device to a recycler (named in free text) with the recycler's certificate number.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import { buttonClass, FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { recycleForm } from "~/forms/device-actions";
import type { FormResult } from "./form-result";

export function RecycleForm({ assetTag, lastResult }: { assetTag: string; lastResult: FormResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "recycle",
    lastResult,
    constraint: getZodConstraint(recycleForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recycleForm }),
    shouldRevalidate: "onBlur",
  });
  return (
    <details className="w-full max-w-xl" open={form.status === "error"}>
      <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("devicePage.recycle")}</summary>
      <div className="mt-3">
        <ValidatedForm form={form} className="space-y-3">
          <p className="text-sm text-slate-700">{t("devicePage.recycleIntro")}</p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="recycle" />
          <TextField meta={fields.recycler} label={t("devicePage.recycler")} />
          <TextField meta={fields.certificateNumber} label={t("devicePage.recyclerCertificate")} />
          <SubmitButton variant="danger">{t("devicePage.recycleConfirm", { assetTag })}</SubmitButton>
        </ValidatedForm>
      </div>
    </details>
  );
}
