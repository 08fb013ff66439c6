// Sending a device to a recycler chosen from the coordinator's list, with the certificate the recycler issues.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass, FormErrors, SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { recycleForm } from "~/forms/device-actions";
import type { FormResult } from "./form-result";

export type RecyclerOption = { id: number; name: string; accreditationNumber: string | null };

export function RecycleForm({ assetTag, recyclers, lastResult }: { assetTag: string; recyclers: RecyclerOption[]; lastResult: FormResult }) {
  const { t } = useTranslation();
  // Stays open once open: its errors come and go as the reader types, the form must not close under them.
  const [opened, setOpened] = useState(false);
  const [form, fields] = useForm({
    id: "recycle",
    lastResult,
    constraint: getZodConstraint(recycleForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recycleForm }),
    // Errors clear while typing: cleared on blur instead, the form would shift under the pointer as the submit button is pressed.
    shouldRevalidate: "onInput",
  });
  return (
    <details className="w-full max-w-xl" open={opened || form.status === "error"} onToggle={(event) => setOpened(event.currentTarget.open)}>
      <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("devicePage.recycle")}</summary>
      <div className="mt-3">
        {recyclers.length === 0 ? (
          <p className="text-sm text-slate-700">{t("devicePage.noRecyclers")}</p>
        ) : (
          <ValidatedForm form={form} className="space-y-3">
            <p className="text-sm text-slate-700">{t("devicePage.recycleIntro")}</p>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="recycle" />
            <SelectField
              meta={fields.recyclerId}
              label={t("devicePage.recycler")}
              placeholder={t("forms.choose")}
              options={recyclers.map((recycler) => ({
                value: String(recycler.id),
                label: recycler.accreditationNumber
                  ? t("devicePage.recyclerOption", { name: recycler.name, accreditationNumber: recycler.accreditationNumber })
                  : recycler.name,
              }))}
            />
            <TextField meta={fields.certificateNumber} label={t("devicePage.recyclerCertificate")} />
            <SubmitButton variant="danger">{t("devicePage.recycleConfirm", { assetTag })}</SubmitButton>
          </ValidatedForm>
        )}
      </div>
    </details>
  );
}
