// The form for one wipe record of one storage medium: NIST SP 800-88 fields. Also used to review a
// draft filled from an nwipe log before saving it.
import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { sanitizationMethods, sanitizationTechniques, verificationLevels, wipeResults } from "~/domain/wipes";
import { wipeRecordSchema, type WipeRecordFormValues } from "~/forms/wipe";
import { ErrorSummary, fieldsInOrder, SelectField, SubmitButton, TextAreaField, TextField, ValidatedForm } from "./ui/form";

export function WipeRecordForm({
  id,
  action,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  id: string;
  action?: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: DefaultValue<WipeRecordFormValues>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<WipeRecordFormValues, z.output<typeof wipeRecordSchema>>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(wipeRecordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: wipeRecordSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <ValidatedForm form={form} action={action} className="space-y-4">
      <ErrorSummary
        formId={form.id}
        fields={fieldsInOrder(
          (
            ["method", "technique", "rounds", "tool", "toolVersion", "result", "verification", "samplePercent", "startedAt", "finishedAt", "notes"] as const
          ).map((name) => [name, t(`wipe.${name}`)] as const),
        )}
      />
      <input type="hidden" name="source" value={defaultValue?.tool === "nwipe" ? "nwipe-log" : "manual"} />
      {/* A draft from a log keeps the log's lines about its drive, for the validator. */}
      {defaultValue?.logExcerpt ? <input type="hidden" name="logExcerpt" value={defaultValue.logExcerpt} /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField
          meta={fields.method}
          label={t("wipe.method")}
          placeholder={t("forms.choose")}
          options={sanitizationMethods.map((value) => ({ value, label: t(`wipeMethods.${value}`) }))}
        />
        <SelectField
          meta={fields.technique}
          label={t("wipe.technique")}
          placeholder={t("forms.choose")}
          options={sanitizationTechniques.map((value) => ({ value, label: t(`wipeTechniques.${value}`) }))}
        />
        <TextField meta={fields.rounds} label={t("wipe.rounds")} type="number" hint={t("wipe.roundsHint")} />
        <TextField meta={fields.tool} label={t("wipe.tool")} />
        <TextField meta={fields.toolVersion} label={t("wipe.toolVersion")} />
        <SelectField
          meta={fields.result}
          label={t("wipe.result")}
          placeholder={t("forms.choose")}
          options={wipeResults.map((value) => ({ value, label: t(`wipeResults.${value}`) }))}
        />
        <SelectField
          meta={fields.verification}
          label={t("wipe.verification")}
          placeholder={t("forms.choose")}
          options={verificationLevels.map((value) => ({ value, label: t(`wipeVerifications.${value}`) }))}
        />
        <TextField meta={fields.samplePercent} label={t("wipe.samplePercent")} type="number" hint={t("wipe.samplePercentHint")} />
        <div />
        <TextField meta={fields.startedAt} label={t("wipe.startedAt")} type="datetime-local" />
        <TextField meta={fields.finishedAt} label={t("wipe.finishedAt")} type="datetime-local" />
      </div>
      <TextAreaField meta={fields.notes} label={t("wipe.notes")} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ValidatedForm>
  );
}
