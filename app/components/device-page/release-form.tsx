// Releasing a reservation that fell through, with the reason: the device is listed again.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import { buttonClass, FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { releaseForm } from "~/forms/device-actions";
import type { FormResult } from "./form-result";

export function ReleaseForm({ assetTag, lastResult }: { assetTag: string; lastResult: FormResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "release",
    lastResult,
    constraint: getZodConstraint(releaseForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: releaseForm }),
  });
  return (
    <details className="w-full max-w-xl" open={form.status === "error"}>
      <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("devicePage.release")}</summary>
      <div className="mt-3">
        <ValidatedForm form={form} className="space-y-3">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="release" />
          <TextField meta={fields.reason} label={t("devicePage.releaseReason")} />
          <SubmitButton variant="danger">{t("devicePage.releaseConfirm", { assetTag })}</SubmitButton>
        </ValidatedForm>
      </div>
    </details>
  );
}
