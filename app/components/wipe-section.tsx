// The data-wipe part of the device page: each medium with its wipe records (the latest attempt
// decides), validation by a second technician, uploading an nwipe log, the "no storage present"
// record of a device without media, and certifying once the device is ready (or why not yet).
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DriveDraft, UnknownDrive, WipeDraft } from "~/domain/wipe-drafts";
import type { CertificationReadiness } from "~/domain/wipes";
import type { FormResult } from "./device-page/form-result";
import { StorageAbsencePanel, type StorageAbsenceSummary } from "./device-page/storage-absence-panel";
import { formatDateTime } from "~/i18n/format";
import { toDateTimeLocal } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { focusAfterNavigation } from "./ui/focus";
import { validateWipeForm } from "~/forms/wipe";
import { buttonClass, CheckboxField, FormErrors, SubmitButton, ValidatedForm } from "./ui/form";
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
  verification: string;
  samplePercent: number | null;
  startedAt: string | number | Date | null;
  finishedAt: string | number | Date | null;
  notes: string | null;
  source: string;
  logExcerpt: string | null;
  performedById: string;
  performedByName: string;
  recordedAt: string | number | Date;
  validatedByName: string | null;
  validatedAt: string | number | Date | null;
};

/** The validator's last reply, for the form of the record it was about. */
export type ValidateResult = { wipeId: number; result: FormResult } | null;

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
  unknownDrives,
  addedDrive,
  validateResult,
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
  /** The log's drives the device does not have, offered to be added with their wipe record. */
  unknownDrives: UnknownDrive[] | null;
  /** Without JavaScript: the drive the last "add this drive" added. */
  addedDrive: { serial: string; recorded: boolean } | null;
  validateResult: ValidateResult;
  absenceResult: FormResult;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const collecting = deviceStatus === "collected";
  // "Validate and certify" when this record is the last thing the device waits for, and the validator may certify.
  const completesCertification = (record: WipeRecordSummary) =>
    certifyOffered && decidingWipeIds.includes(record.id) && media.every((medium) => medium.id === record.mediumId || sanitizedMediumIds.includes(medium.id));

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
                      {collecting && record.result === "pass" && !record.validatedByName ? <WipeEvidence record={record} /> : null}
                      {canValidate && collecting && record.result === "pass" && !record.validatedByName ? (
                        record.performedById === currentUserId ? (
                          <p className="mt-2 rounded-md border border-slate-300 bg-slate-50 p-2 text-slate-800">{t("wipeSection.waitingForSecond")}</p>
                        ) : (
                          <ValidateWipeForm
                            record={record}
                            serial={medium.serial}
                            certify={completesCertification(record)}
                            lastResult={validateResult?.wipeId === record.id ? validateResult.result : undefined}
                          />
                        )
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

      {canRecord && collecting ? (
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

      {addedDrive ? (
        <div className="mt-6" {...focusAfterNavigation} tabIndex={-1}>
          <Notice tone="success">{t(addedDrive.recorded ? "wipeSection.driveAddedRecorded" : "wipeSection.driveAdded", { serial: addedDrive.serial })}</Notice>
        </div>
      ) : null}

      {drafts && unknownDrives && (drafts.length > 0 || unknownDrives.length > 0) ? (
        <div className="mt-6 space-y-6">
          {/* Focus lands here when the log has been read, so the drafts and offers below are the next stops. */}
          <div {...focusAfterNavigation} tabIndex={-1}>
            <Notice tone="info">
              {drafts.length > 0 ? t("wipeSection.draftsIntro", { count: drafts.length }) : null}{" "}
              {unknownDrives.length > 0 ? t("wipeSection.unknownDrivesIntro", { count: unknownDrives.length }) : null}
            </Notice>
          </div>
          {unknownDrives.map((drive) => (
            <UnknownDriveOffer
              key={drive.serial}
              drive={drive}
              alreadyAdded={media.some((medium) => medium.serial.toUpperCase() === drive.serial.toUpperCase())}
            />
          ))}
          {drafts.map((draft) => (
            <section key={draft.mediumId} aria-label={t("wipeSection.draftFor", { serial: draft.serial })} className="rounded-md border border-sky-700 p-4">
              <h3 className="mb-3 font-semibold">{t("wipeSection.draftFor", { serial: draft.serial })}</h3>
              <WipeRecordForm
                id={`draft-${draft.mediumId}`}
                action={`/devices/${deviceId}/media/${draft.mediumId}/wipe`}
                defaultValue={draftFormValues(draft)}
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

/** A draft's values as the wipe record form (and the "add this drive" button) carry them. */
function draftFormValues(draft: DriveDraft) {
  return {
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
    logExcerpt: draft.logExcerpt,
  };
}

/** What the second technician checks: the record's method, technique, passes, verification, tool and times, and its log lines. */
export function WipeEvidence({ record }: { record: WipeRecordSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const moment = (value: string | number | Date | null) => (value === null ? t("wipeSection.notRecorded") : formatDateTime(new Date(value), language));
  const rows: [string, string][] = [
    [t("wipe.method"), t(`wipeMethods.${record.method}`)],
    [t("wipe.technique"), t(`wipeTechniques.${record.technique}`)],
    [t("wipe.rounds"), record.rounds === null ? "—" : String(record.rounds)],
    [
      t("wipe.verification"),
      record.verification === "sample" && record.samplePercent !== null
        ? `${t(`wipeVerifications.${record.verification}`)} (${record.samplePercent} %)`
        : t(`wipeVerifications.${record.verification}`),
    ],
    [t("wipe.tool"), `${record.tool} ${record.toolVersion}`],
    [t("wipe.startedAt"), moment(record.startedAt)],
    [t("wipe.finishedAt"), moment(record.finishedAt)],
    [t("wipe.result"), t(`wipeResults.${record.result}`)],
  ];
  return (
    <div className="mt-2 rounded-md border border-slate-300 p-3">
      <p className="mb-2 font-semibold">{record.source === "nwipe-log" ? t("wipeSection.evidenceFromLog") : t("wipeSection.evidenceTyped")}</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-700">{label}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {record.notes ? <p className="mt-2 text-slate-800">{t("wipeSection.evidenceNotes", { notes: record.notes })}</p> : null}
      {record.logExcerpt ? (
        <details className="mt-2">
          <summary className="cursor-pointer font-semibold text-sky-900">{t("wipeSection.logExcerpt")}</summary>
          <pre className="mt-1 max-h-72 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-2 font-mono text-xs text-slate-100" tabIndex={0}>
            {record.logExcerpt}
          </pre>
        </details>
      ) : null}
    </div>
  );
}

/** The second technician confirms what they checked (required, on the server too) and validates, or validates and certifies. */
export function ValidateWipeForm({
  record,
  serial,
  certify,
  lastResult,
  action,
}: {
  record: WipeRecordSummary;
  serial: string;
  certify: boolean;
  lastResult: FormResult;
  /** The device page's URL when the form is shown elsewhere (the validator's queue on the home page). */
  action?: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `validate-${record.id}`,
    lastResult,
    constraint: getZodConstraint(validateWipeForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: validateWipeForm }),
  });
  return (
    <ValidatedForm form={form} action={action} className="mt-2 space-y-2">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="validate-wipe" />
      <input type="hidden" name="wipeId" value={record.id} />
      {certify ? <input type="hidden" name="certify" value="true" /> : null}
      <CheckboxField meta={fields.evidenceChecked} label={record.logExcerpt ? t("wipeSection.evidenceCheckedWithLog") : t("wipeSection.evidenceChecked")} />
      <SubmitButton variant={certify ? "primary" : "secondary"}>
        {certify ? t("wipeSection.validateAndCertify", { serial }) : t("wipeSection.validate", { serial })}
      </SubmitButton>
    </ValidatedForm>
  );
}

type AddMediumReply = { intent: string; refusal: string | null; added?: { serial: string; recorded: boolean } };

/**
 * A drive the log wiped that the device does not have: what the log says about it and one button that adds
 * it with its wipe record from the log. Sent in place (the page keeps the log's other drafts).
 */
function UnknownDriveOffer({ drive, alreadyAdded }: { drive: UnknownDrive; alreadyAdded: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<AddMediumReply>();
  const values = draftFormValues(drive.draft);
  const reply = fetcher.data;
  const headingId = `unknown-${drive.serial}`;
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-amber-700 bg-amber-50 p-4">
      <h3 id={headingId} className="font-semibold">
        {t("wipeSection.unknownDrive", { serial: drive.serial })}
      </h3>
      <p className="text-sm text-slate-800">
        {t("wipeSection.unknownDriveFacts", {
          kind: drive.kind,
          capacity: drive.capacityGb === null ? "?" : drive.capacityGb,
          method: t(`wipeMethods.${drive.draft.method}`),
          rounds: drive.draft.rounds ?? "—",
          result: t(`wipeResults.${drive.draft.result}`),
        })}
      </p>
      {reply?.added ? (
        <p role="status" className="mt-2 font-semibold text-emerald-900">
          {t(reply.added.recorded ? "wipeSection.driveAddedRecorded" : "wipeSection.driveAdded", { serial: reply.added.serial })}
        </p>
      ) : alreadyAdded ? (
        <p className="mt-2 text-sm text-slate-800">{t("wipeSection.unknownDriveNowKnown")}</p>
      ) : (
        <fetcher.Form method="post" className="mt-3 space-y-2">
          <input type="hidden" name="intent" value="add-medium" />
          <input type="hidden" name="serial" value={drive.serial} />
          <input type="hidden" name="kind" value={drive.kind} />
          {drive.capacityGb === null ? <CapacityField /> : <input type="hidden" name="capacityGb" value={drive.capacityGb} />}
          {Object.entries({ ...values, source: "nwipe-log" }).map(([name, value]) =>
            value === undefined ? null : <input key={name} type="hidden" name={`wipe.${name}`} value={value} />,
          )}
          {reply?.refusal ? (
            <p role="alert" className="text-sm font-medium text-red-800">
              {t(reply.refusal)}
            </p>
          ) : null}
          <SubmitButton>{t("wipeSection.addUnknownDrive", { serial: drive.serial })}</SubmitButton>
        </fetcher.Form>
      )}
    </section>
  );
}

/** When the log gives no size, the technician types the capacity before adding the drive. */
function CapacityField() {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor="unknown-capacity" className="block text-sm font-semibold text-slate-800">
        {t("medium.capacityGb")}
      </label>
      <input id="unknown-capacity" name="capacityGb" inputMode="numeric" required className="mt-1 block w-40 rounded-md border border-slate-400 px-2 py-1" />
    </div>
  );
}
