// A device without registered storage media whose type holds storage (a laptop, desktop, tablet or
// phone): one technician records that none is present, a second validates it (the two-person rule, as
// for wipes), and only then can the device be certified.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SubmitButton, TextAreaField, ValidatedForm } from "~/components/ui/form";
import { storageAbsenceForm } from "~/forms/storage-absence";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import type { FormResult } from "./form-result";

export type StorageAbsenceSummary = {
  id: number;
  notes: string | null;
  recordedById: string;
  recordedByName: string;
  recordedAt: string | number | Date;
  validatedByName: string | null;
  validatedAt: string | number | Date | null;
};

export function StorageAbsencePanel({
  absence,
  collecting,
  canRecord,
  canValidate,
  currentUserId,
  lastResult,
}: {
  absence: StorageAbsenceSummary | null;
  collecting: boolean;
  canRecord: boolean;
  canValidate: boolean;
  currentUserId: string;
  lastResult: FormResult;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form, fields] = useForm({
    id: "storage-absence",
    lastResult,
    constraint: getZodConstraint(storageAbsenceForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: storageAbsenceForm }),
  });

  if (absence) {
    const validated = absence.validatedByName !== null && absence.validatedAt !== null;
    return (
      <section aria-labelledby="storage-absence-title" className="mt-3 rounded-md border border-slate-200 p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id="storage-absence-title" className="font-semibold">
            {t("wipeSection.absenceTitle")}
          </h3>
          <span
            className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${validated ? "border-emerald-700 bg-emerald-50 text-emerald-900" : "border-amber-700 bg-amber-50 text-amber-900"}`}
          >
            {validated ? t("wipeSection.absenceConfirmed") : t("wipeSection.absenceAwaitsValidation")}
          </span>
        </div>
        <p className="mt-2 text-sm text-slate-700">
          {t("wipeSection.absenceRecorded", { name: absence.recordedByName, date: formatDateTime(new Date(absence.recordedAt), language) })}
          {validated
            ? ` · ${t("wipeSection.absenceValidated", { name: absence.validatedByName, date: formatDateTime(new Date(absence.validatedAt ?? 0), language) })}`
            : ` · ${t("wipeSection.absenceAwaitsValidation")}`}
        </p>
        {absence.notes ? <p className="mt-1 text-sm">{absence.notes}</p> : null}
        {canValidate && collecting && !validated && absence.recordedById !== currentUserId ? (
          <Form method="post" className="mt-2">
            <input type="hidden" name="intent" value="validate-storage-absence" />
            <input type="hidden" name="absenceId" value={absence.id} />
            <SubmitButton variant="secondary">{t("wipeSection.validateAbsence")}</SubmitButton>
          </Form>
        ) : null}
      </section>
    );
  }

  if (!canRecord || !collecting) return null;
  return (
    <ValidatedForm form={form} className="mt-3 space-y-3 rounded-md border border-slate-200 p-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="record-storage-absence" />
      <TextAreaField meta={fields.notes} label={t("wipeSection.absenceNotes")} hint={t("wipeSection.absenceNotesHint")} />
      <SubmitButton variant="secondary">{t("wipeSection.recordAbsence")}</SubmitButton>
    </ValidatedForm>
  );
}
