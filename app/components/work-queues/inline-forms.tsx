// The queue items' actions finished on the home page itself: an nwipe log chosen for a device to wipe, a
// colleague's wipe validated with its evidence in view, a certified device graded and listed, a reserved
// device put out for pickup with the defaults, a request approved with the rubric's priority, and a device
// registered by its department. Each posts to the page that owns the action (or the home page's intent),
// works without JavaScript, and the device page stays one link away for anything more.
import { Form, Link } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/form";
import { ValidateWipeForm, WipeEvidence, type WipeRecordSummary } from "~/components/wipe-section";
import { deviceTypes } from "~/domain/devices";
import { conditionGrades } from "~/domain/lifecycle";
import type { Language } from "~/i18n/config";
import { formatDateTime, parseMoment } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

const inputClass = "mt-1 block w-full rounded-md border border-slate-500 px-3 py-2 text-base";
const labelClass = "block text-sm font-semibold text-slate-800";

/** Choosing the log uploads it (with JavaScript); the button stays for a browser without. The device page then offers the log's drives. */
export function WipeLogUpload({ deviceId, assetTag }: { deviceId: number; assetTag: string }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const inputId = `wipe-log-${deviceId}`;
  return (
    <Form ref={form} method="post" action={`/devices/${deviceId}`} encType="multipart/form-data" className="space-y-2">
      <input type="hidden" name="intent" value="upload-log" />
      <label htmlFor={inputId} className={labelClass}>
        {t("inlineWork.wipeLog", { assetTag })}
      </label>
      <input
        id={inputId}
        name="log"
        type="file"
        required
        accept=".log,.txt,text/plain"
        className="block max-w-full text-sm"
        onChange={(event) => {
          if (event.currentTarget.files?.length) form.current?.requestSubmit();
        }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary">{t("inlineWork.uploadLog")}</SubmitButton>
        <Link to={`/devices/${deviceId}`} className="text-sm">
          {t("inlineWork.recordByHand", { assetTag })}
        </Link>
      </div>
    </Form>
  );
}

export type InlineValidationView = { deviceId: number; records: { record: WipeRecordSummary; serial: string; certify: boolean }[] };

/** The evidence of each record waiting for this validator, what they checked, and "validate (and certify)". */
export function InlineValidation({ validation }: { validation: InlineValidationView }) {
  return (
    <div className="space-y-3">
      {validation.records.map(({ record, serial, certify }) => (
        <div key={record.id}>
          <WipeEvidence record={record} />
          <ValidateWipeForm record={record} serial={serial} certify={certify} lastResult={undefined} action={`/devices/${validation.deviceId}`} />
        </div>
      ))}
    </div>
  );
}

export type InlineSpecsView = { deviceId: number; cpu: string | null; ramGb: number | null; storageGb: number | null };

/** Grade and list with the specs as they are (shown here; corrected on the device page). */
export function InlineListing({ specs, assetTag }: { specs: InlineSpecsView; assetTag: string }) {
  const { t } = useTranslation();
  const selectId = `grade-${specs.deviceId}`;
  const unknown = t("inlineWork.unknown");
  return (
    <Form method="post" className="space-y-2">
      <input type="hidden" name="intent" value="list" />
      <input type="hidden" name="deviceId" value={specs.deviceId} />
      <p className="text-sm text-slate-700">
        {t("inlineWork.specsLine", {
          cpu: specs.cpu ?? unknown,
          ram: specs.ramGb === null ? unknown : `${specs.ramGb} GB`,
          storage: specs.storageGb === null ? unknown : `${specs.storageGb} GB`,
        })}{" "}
        <Link to={`/devices/${specs.deviceId}`}>{t("inlineWork.correctSpecs", { assetTag })}</Link>
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={selectId} className={labelClass}>
            {t("inlineWork.gradeOf", { assetTag })}
          </label>
          <select id={selectId} name="grade" required defaultValue="" className={inputClass}>
            <option value="">{t("forms.choose")}</option>
            {conditionGrades.map((grade) => (
              <option key={grade} value={grade}>
                {t(`grades.${grade}`)}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton>{t("inlineWork.list", { assetTag })}</SubmitButton>
      </div>
    </Form>
  );
}

export type InlinePickupView = { deviceId: number; requestId: number; deviceIds: number[]; location: string; from: string; until: string };

/** A datetime-local value (Brussels time) as the reader's language writes it. */
function localMoment(value: string, language: Language): string {
  const moment = parseMoment(value);
  return moment === null ? value : formatDateTime(moment, language);
}

/** "Ready for pickup" with the IT service's place and the default window (the device page lets them be changed). */
export function InlinePickup({ pickup, assetTag }: { pickup: InlinePickupView; assetTag: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Form method="post" action={`/devices/${pickup.deviceId}`} className="space-y-2">
      <input type="hidden" name="intent" value="prepare-pickup" />
      <input type="hidden" name="requestId" value={pickup.requestId} />
      {pickup.deviceIds.map((deviceId) => (
        <input key={deviceId} type="hidden" name="deviceIds" value={deviceId} />
      ))}
      <input type="hidden" name="pickupLocation" value={pickup.location} />
      <input type="hidden" name="pickupFrom" value={pickup.from} />
      <input type="hidden" name="pickupUntil" value={pickup.until} />
      <p className="text-sm whitespace-pre-line text-slate-800">{t("inlineWork.pickupAt", { place: pickup.location })}</p>
      <p className="text-sm text-slate-700">
        {t("inlineWork.pickupWindow", { from: localMoment(pickup.from, language), until: localMoment(pickup.until, language) })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("inlineWork.readyForPickup", { assetTag })}</SubmitButton>
        <Link to={`/devices/${pickup.deviceId}`} className="text-sm">
          {t("inlineWork.otherPlace")}
        </Link>
      </div>
    </Form>
  );
}

/** Approve with the priority the rubric computed from the request's answers (another priority, with a reason, on the requests page). */
export function InlineApproval({ requestId, priority }: { requestId: number; priority: number }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/requests" className="max-w-xs space-y-1">
      <input type="hidden" name="intent" value="approve" />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="priority" value={priority} />
      <SubmitButton>{t("inlineWork.approve", { request: requestId, priority })}</SubmitButton>
      <p className="text-sm">
        <Link to="/requests">{t("inlineWork.reviewOther", { request: requestId })}</Link>
      </p>
    </Form>
  );
}

/** The department's quick registration: what is on the sticker; the rest (drives, specs) is confirmed at collection. */
export function RegisterDeviceCard() {
  const { t } = useTranslation();
  const field = (name: string, label: string, hint?: string) => (
    <div>
      <label htmlFor={`quick-${name}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`quick-${name}`}
        name={name}
        required={!hint}
        maxLength={name === "model" ? 120 : name === "assetTag" ? 40 : 80}
        autoComplete="off"
        className={inputClass}
        aria-describedby={hint ? `quick-${name}-hint` : undefined}
      />
      {hint ? (
        <p id={`quick-${name}-hint`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
    </div>
  );
  return (
    <section aria-labelledby="quick-register-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="quick-register-heading" className="mb-1 text-lg font-semibold text-slate-900">
        {t("inlineWork.registerTitle")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("inlineWork.registerIntro")}</p>
      <Form method="post" action="/devices/new" className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          {field("serial", t("device.serial"))}
          <div>
            <label htmlFor="quick-type" className={labelClass}>
              {t("device.type")}
            </label>
            <select id="quick-type" name="type" required defaultValue="" className={inputClass}>
              <option value="">{t("forms.choose")}</option>
              {deviceTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`deviceTypes.${type}`)}
                </option>
              ))}
            </select>
          </div>
          {field("manufacturer", t("device.manufacturer"))}
          {field("model", t("device.model"))}
          {field("assetTag", t("device.assetTag"), t("inlineWork.assetTagHint"))}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>{t("inlineWork.register")}</SubmitButton>
          <Link to="/devices/new">{t("inlineWork.moreDetails")}</Link>
        </div>
      </Form>
    </section>
  );
}
