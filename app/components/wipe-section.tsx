// The data-wipe part of the device page: each medium with its wipe records (the latest attempt
// decides), validation by a second technician, uploading an nwipe log, the "no storage present"
// record of a device without media, and certifying once the device is ready (or why not yet).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { WipeDraft } from "~/domain/wipe-drafts";
import type { CertificationReadiness } from "~/domain/wipes";
import type { FormResult } from "./device-page/form-result";
import { StorageAbsencePanel, type StorageAbsenceSummary } from "./device-page/storage-absence-panel";
import { formatDateTime } from "~/i18n/format";
import { toDateTimeLocal } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { focusAfterNavigation } from "./ui/focus";
import { buttonClass, SubmitButton } from "./ui/form";
import { Card, Notice } from "./ui/page";
import { WipeRecordForm } from "./wipe-record-form";

export type WipeRecordSummary = {
  id: number;
  mediumId: number;
  method: string;
  technique: string;
  rounds: number | null;
  result: string;
  tool: string;
  toolVersion: string;
  performedByName: string;
  recordedAt: string | number | Date;
  validatedByName: string | null;
  validatedAt: string | number | Date | null;
};

type Medium = { id: number; serial: string; kind: string; capacityGb: number };

export function WipeSection({
  deviceId,
  deviceStatus,
  media,
  records,
  sanitizedMediumIds,
  decidingWipeIds,
  holdsStorage,
  storageAbsence,
  readiness,
  currentUserId,
  canRecord,
  canValidate,
  certifyOffered,
  canCertify,
  drafts,
  absenceResult,
}: {
  deviceId: number;
  deviceStatus: string;
  media: Medium[];
  records: WipeRecordSummary[];
  sanitizedMediumIds: number[];
  /** Each medium's latest attempt of this cycle: the one that decides it. */
  decidingWipeIds: number[];
  /** The device's type holds storage (a laptop, desktop, tablet or phone). */
  holdsStorage: boolean;
  storageAbsence: StorageAbsenceSummary | null;
  readiness: CertificationReadiness;
  currentUserId: string;
  canRecord: boolean;
  canValidate: boolean;
  /** The actor may certify a device in this state (whether or not it is ready). */
  certifyOffered: boolean;
  canCertify: boolean;
  drafts: WipeDraft[] | null;
  absenceResult: FormResult;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const collecting = deviceStatus === "collected";

  return (
    <Card title={t("wipeSection.title")}>
      <p className="mb-4 text-slate-700">{collecting ? t("wipeSection.introCollected") : t("wipeSection.intro")}</p>
      {collecting && media.length > 0 ? <p className="mb-4 text-sm text-slate-700">{t("wipeSection.latestDecides")}</p> : null}
      {media.length === 0 ? <p className="text-slate-700">{holdsStorage ? t("wipeSection.noMediaStorageType") : t("wipeSection.noMedia")}</p> : null}
      {media.length === 0 && (holdsStorage || storageAbsence) ? (
        <StorageAbsencePanel
          absence={storageAbsence}
          collecting={collecting}
          canRecord={canRecord}
          canValidate={canValidate}
          currentUserId={currentUserId}
          lastResult={absenceResult}
        />
      ) : null}
      <ul className="space-y-5">
        {media.map((medium) => {
          const mediumRecords = records.filter((record) => record.mediumId === medium.id);
          const sanitized = sanitizedMediumIds.includes(medium.id);
          return (
            <li key={medium.id} className="rounded-md border border-slate-200 p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">{t("wipeSection.medium", { serial: medium.serial, kind: medium.kind, capacity: medium.capacityGb })}</h3>
                <span
                  className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${sanitized ? "border-emerald-700 bg-emerald-50 text-emerald-900" : "border-amber-700 bg-amber-50 text-amber-900"}`}
                >
                  {sanitized ? t("wipeSection.sanitized") : t("wipeSection.notSanitized")}
                </span>
              </div>
              {mediumRecords.length === 0 ? (
                <p className="mt-2 text-sm text-slate-700">{t("wipeSection.noRecords")}</p>
              ) : (
                <ul className="mt-3 space-y-3">
                  {mediumRecords.map((record) => (
                    <li key={record.id} className="text-sm">
                      <p>
                        <span className="font-medium">{t(`wipeMethods.${record.method}`)}</span> · {t(`wipeTechniques.${record.technique}`)}
                        {record.rounds ? ` (${t("wipe.roundsValue", { count: record.rounds })})` : ""} · {record.tool} {record.toolVersion} ·{" "}
                        <span className={record.result === "pass" ? "font-semibold text-emerald-800" : "font-semibold text-red-700"}>
                          {t(`wipeResults.${record.result}`)}
                        </span>
                        {collecting && decidingWipeIds.includes(record.id) ? (
                          <span className="ml-2 rounded-full border border-slate-500 px-2 py-0.5 text-xs font-semibold text-slate-800">
                            {t("wipeSection.decidingAttempt")}
                          </span>
                        ) : null}
                      </p>
                      <p className="text-slate-700">
                        {t("wipeSection.performed", { name: record.performedByName, date: formatDateTime(new Date(record.recordedAt), language) })}
                        {record.validatedByName && record.validatedAt
                          ? ` · ${t("wipeSection.validated", { name: record.validatedByName, date: formatDateTime(new Date(record.validatedAt), language) })}`
                          : record.result === "pass"
                            ? ` · ${t("wipeSection.awaitsValidation")}`
                            : ` · ${t("wipeSection.failedNeedsNew")}`}
                      </p>
                      {canValidate && collecting && record.result === "pass" && !record.validatedByName ? (
                        <Form method="post" className="mt-1">
                          <input type="hidden" name="intent" value="validate-wipe" />
                          <input type="hidden" name="wipeId" value={record.id} />
                          <SubmitButton variant="secondary">{t("wipeSection.validate", { serial: medium.serial })}</SubmitButton>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {canRecord && collecting ? (
                <Link to={`/devices/${deviceId}/media/${medium.id}/wipe`} className={`${buttonClass("secondary")} mt-3`}>
                  {t("wipeSection.record", { serial: medium.serial })}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>

      {canRecord && collecting && media.length > 0 ? (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{t("wipeSection.uploadTitle")}</h3>
          <p className="mb-2 text-sm text-slate-700">{t("wipeSection.uploadIntro")}</p>
          <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="upload-log" />
            <div>
              <label htmlFor="nwipe-log" className="block text-sm font-semibold">
                {t("wipeSection.logFile")}
              </label>
              <input id="nwipe-log" name="log" type="file" accept=".log,.txt,text/plain" className="mt-1 block text-sm" />
            </div>
            <SubmitButton variant="secondary">{t("wipeSection.upload")}</SubmitButton>
          </Form>
        </div>
      ) : null}

      {drafts && drafts.length > 0 ? (
        <div className="mt-6 space-y-6">
          {/* Focus lands here when the log has been read, so the drafts below are the next stops. */}
          <div {...focusAfterNavigation} tabIndex={-1}>
            <Notice tone="info">{t("wipeSection.draftsIntro", { count: drafts.length })}</Notice>
          </div>
          {drafts.map((draft) => (
            <section key={draft.mediumId} aria-label={t("wipeSection.draftFor", { serial: draft.serial })} className="rounded-md border border-sky-700 p-4">
              <h3 className="mb-3 font-semibold">{t("wipeSection.draftFor", { serial: draft.serial })}</h3>
              <WipeRecordForm
                id={`draft-${draft.mediumId}`}
                action={`/devices/${deviceId}/media/${draft.mediumId}/wipe`}
                defaultValue={{
                  method: draft.method,
                  technique: draft.technique,
                  rounds: draft.rounds === null ? undefined : String(draft.rounds),
                  tool: draft.tool,
                  toolVersion: draft.toolVersion,
                  verification: draft.verification,
                  result: draft.result,
                  startedAt: draft.startedAt ? toDateTimeLocal(Date.parse(draft.startedAt)) : undefined,
                  finishedAt: draft.finishedAt ? toDateTimeLocal(Date.parse(draft.finishedAt)) : undefined,
                  notes: draft.notes,
                }}
                submitLabel={t("wipeSection.saveDraft", { serial: draft.serial })}
              />
            </section>
          ))}
        </div>
      ) : null}

      {canCertify ? (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <Form method="post">
            <input type="hidden" name="intent" value="certify" />
            <SubmitButton>{t("wipeSection.certify")}</SubmitButton>
          </Form>
        </div>
      ) : certifyOffered && readiness !== "ready" ? (
        // Not ready yet: the button is there, switched off, with what is missing (the command would refuse the same).
        <div className="mt-6 border-t border-slate-200 pt-4">
          <p id="certify-not-ready" className="mb-2 text-sm text-slate-700">
            {t("wipeSection.certifyNotYet")} {t(`errors.device.${readiness}`)}
          </p>
          <button type="button" disabled aria-describedby="certify-not-ready" className={`${buttonClass("primary")} cursor-not-allowed opacity-60`}>
            {t("wipeSection.certify")}
          </button>
        </div>
      ) : null}
    </Card>
  );
}
