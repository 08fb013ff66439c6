// A technician records the handover at the counter: the representative types their full name and
// confirms they received the device (and the request's other reserved devices ticked with it).
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import { RequestDeviceChoice, type RequestDeviceOption } from "~/components/pickup/technician-pickup";
import { CheckboxField, FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { handoverForm } from "~/forms/device-actions";
import type { FormResult } from "./form-result";

export function HandoverForm({
  recipientName,
  otherDevices = [],
  lastResult,
}: {
  recipientName: string;
  /** The request's other reserved devices, offered to hand over in the same go. */
  otherDevices?: readonly RequestDeviceOption[];
  lastResult: FormResult;
}) {
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
      {otherDevices.length > 0 ? (
        <RequestDeviceChoice
          name="alsoDeviceIds"
          legend={t("pickup.alsoHandOver")}
          devices={otherDevices}
          alwaysChoose
          errors={fields.alsoDeviceIds.errors}
          errorId={fields.alsoDeviceIds.errorId}
        />
      ) : null}
      <TextField meta={fields.signedBy} label={t("devicePage.signedBy")} autoComplete="off" />
      <CheckboxField meta={fields.signatureConfirmed} label={t("devicePage.signatureConfirmed", { recipient: recipientName })} />
      <SubmitButton>{t("devicePage.handover")}</SubmitButton>
    </ValidatedForm>
  );
}
