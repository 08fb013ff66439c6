import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { actorOf, lifecycleActorOf, requireDeviceScope } from "~/auth/guards.server";
import { CustodyTimeline } from "~/components/custody-timeline";
import { DeviceStatusBadge } from "~/components/device-status";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass, CheckboxField, FormErrors, SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { availableActions, mayEditRegistration } from "~/domain/lifecycle";
import { can } from "~/domain/permissions";
import { requiredText } from "~/forms/fields";
import { redirectWithFlash } from "~/http/flash.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { staffCustodyTimeline } from "~/models/device-custody-view.server";
import { applyTransition, deviceIsInScope, getDevice } from "~/models/device.server";
import { recordHandover, releaseReservation, reservationOf, returnDevice } from "~/models/match.server";
import { certifyDevice, currentCertificate, listDeviceWipes, sanitizationStatus, validateWipe } from "~/models/wipe.server";
import { wipeDraftsFromLog } from "~/models/wipe-log.server";
import { MAX_LOG_BYTES } from "~/commands/wipes/read-wipe-log.server";
import { readFormWithLimits } from "~/http/request-body.server";
import { WipeSection } from "~/components/wipe-section";
import { conditionGrades } from "~/domain/lifecycle";
import { deviceRefusalReply, refusalStatus } from "./device-refusals.server";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { intentRefusal } from "~/http/refusal-replies.server";

export const recycleSchema = z.object({ recycler: requiredText(160), certificateNumber: requiredText(80) });
export const handoverSchema = z.object({
  signedBy: requiredText(120),
  signatureConfirmed: z.literal("on", { errorMap: () => ({ message: "errors.confirmSignature" }) }),
});
export const releaseSchema = z.object({ reason: requiredText(500) });
export const listSchema = z.object({
  grade: z.enum(conditionGrades, { required_error: "errors.choose", invalid_type_error: "errors.choose" }),
  specsConfirmed: z.literal("on", { errorMap: () => ({ message: "errors.confirmSpecs" }) }),
});

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageTitle(matches, "devicePage.title", { assetTag: loaderData?.device.assetTag ?? "" });

async function loadDeviceFor(request: Request, id: string | undefined) {
  const { user, scope } = await requireDeviceScope(request);
  const device = getDevice(Number(id));
  if (!device) throw data({ reason: "not-found" }, { status: 404 });
  if (!deviceIsInScope(device, scope)) throw data({ reason: "forbidden" }, { status: 403 });
  return { user, device };
}

/** Actions this page offers (reserving happens on the match board). */
const pageActions = ["collect", "certify", "list", "handover", "release", "return", "recycle"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, device } = await loadDeviceFor(request, params.id);
  const actor = lifecycleActorOf(user);
  const permissions = actorOf(user);
  const certificate = currentCertificate(device.id);
  const sanitization = sanitizationStatus(device.id);
  const actions = availableActions(device.status, actor).filter((action) => pageActions.some((offered) => offered === action));
  return {
    device,
    timeline: staffCustodyTimeline(device.id),
    actions,
    canEdit: device.status === "registered" && mayEditRegistration(actor, device.departmentId),
    wipes: listDeviceWipes(device.id),
    sanitizedMediumIds: sanitization.sanitizedMediumIds,
    canCertify: actions.includes("certify") && sanitization.complete,
    canRecordWipes: can(permissions, "wipe.record"),
    canValidateWipes: can(permissions, "wipe.validate"),
    certificate: certificate && { number: certificate.number, issuedAt: certificate.issuedAt },
    reservation: device.status === "reserved" ? reservationOf(device.id) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, device } = await loadDeviceFor(request, params.id);
  const form = await readFormWithLimits(request, { maxFileBytes: MAX_LOG_BYTES, maxFieldBytes: 64 * 1024 });
  if (!form.ok) return data({ intent: "upload-log", result: null, refusal: form.messageKey }, { status: 413 });
  const formData = form.formData;
  const actor = lifecycleActorOf(user);
  const intent = formData.get("intent");

  if (intent === "collect") {
    const result = collectDevice(actor, { deviceId: device.id });
    if (!result.ok) return intentRefusal("collect", result);
    return redirectWithFlash(`/devices/${device.id}`, { key: "flash.deviceCollected", values: { assetTag: device.assetTag } });
  }
  if (intent === "recycle") {
    const submission = parseWithZod(formData, { schema: recycleSchema });
    if (submission.status !== "success") return data({ intent: "recycle", result: submission.reply(), refusal: null }, { status: 400 });
    const result = applyTransition(device.id, { action: "recycle", ...submission.value }, actor);
    if (!result.ok) {
      const reply = deviceRefusalReply(submission, result);
      return data({ intent: "recycle", result: reply.data, refusal: null }, { status: reply.init?.status ?? 409 });
    }
    return redirectWithFlash(`/devices/${device.id}`, { key: "flash.deviceRecycled", values: { assetTag: device.assetTag } });
  }
  if (intent === "validate-wipe" || intent === "upload-log") {
    const needed = intent === "validate-wipe" ? "wipe.validate" : "wipe.record";
    if (!can(actorOf(user), needed)) throw data({ reason: "forbidden" }, { status: 403 });
  }
  if (intent === "validate-wipe") {
    const wipeId = Number(formData.get("wipeId"));
    const validated = validateWipe(wipeId, user.id, Date.now(), { ofDevice: device.id });
    if (!validated.ok) {
      const status = validated.reason === "same-person" ? 403 : validated.reason === "not-found" ? 404 : 409;
      return data({ intent: "validate-wipe", result: null, refusal: `errors.wipe.${validated.reason}` }, { status });
    }
    return redirectWithFlash(`/devices/${device.id}`, { key: "flash.wipeValidated", values: { serial: validated.record.mediumSerial } });
  }
  if (intent === "upload-log") {
    const file = formData.get("log");
    const text = typeof file === "string" ? file : file ? await file.text() : "";
    const drafts = wipeDraftsFromLog(device, text);
    if (!drafts.ok) return data({ intent: "upload-log", result: null, refusal: "errors.wipe.logUnreadable", problems: drafts.problems }, { status: 422 });
    return { intent: "upload-log", result: null, refusal: null, drafts: drafts.drafts, ignoredDrives: drafts.ignoredDrives };
  }
  if (intent === "certify") {
    const certified = certifyDevice(device.id, actor);
    if (!certified.ok)
      return data({ intent: "certify", result: null, refusal: `errors.device.${certified.reason}` }, { status: refusalStatus(certified.reason) });
    return redirectWithFlash(`/devices/${device.id}`, { key: "flash.deviceCertified", values: { assetTag: device.assetTag } });
  }
  if (intent === "handover") {
    const submission = parseWithZod(formData, { schema: handoverSchema });
    if (submission.status !== "success") return data({ intent: "handover", result: submission.reply(), refusal: null }, { status: 400 });
    const handedOver = recordHandover(device.id, submission.value.signedBy, actor);
    if (!handedOver.ok)
      return data({ intent: "handover", result: null, refusal: `errors.device.${handedOver.reason}` }, { status: refusalStatus(handedOver.reason) });
    return redirectWithFlash(`/devices/${device.id}`, { key: "flash.handoverRecorded", values: { assetTag: device.assetTag } });
  }
  if (intent === "release") {
    const submission = parseWithZod(formData, { schema: releaseSchema });
    if (submission.status !== "success") return data({ intent: "release", result: submission.reply(), refusal: null }, { status: 400 });
    const released = releaseReservation(device.id, submission.value.reason, actor);
    if (!released.ok) return data({ intent: "release", result: null, refusal: `errors.device.${released.reason}` }, { status: refusalStatus(released.reason) });
    return redirectWithFlash(`/devices/${device.id}`, { key: "flash.deviceReleased", values: { assetTag: device.assetTag } });
  }
  if (intent === "return") {
    const returned = returnDevice(device.id, actor, undefined);
    if (!returned.ok) return data({ intent: "return", result: null, refusal: `errors.device.${returned.reason}` }, { status: refusalStatus(returned.reason) });
    return redirectWithFlash(`/devices/${device.id}`, { key: "flash.deviceReturned", values: { assetTag: device.assetTag } });
  }
  if (intent === "list") {
    const submission = parseWithZod(formData, { schema: listSchema });
    if (submission.status !== "success") return data({ intent: "list", result: submission.reply(), refusal: null }, { status: 400 });
    const listed = applyTransition(device.id, { action: "list", grade: submission.value.grade }, actor);
    if (!listed.ok) return data({ intent: "list", result: null, refusal: `errors.device.${listed.reason}` }, { status: refusalStatus(listed.reason) });
    return redirectWithFlash(`/devices/${device.id}`, { key: "flash.deviceListed", values: { assetTag: device.assetTag } });
  }
  throw data({ reason: "bad-request" }, { status: 400 });
}

function Detail({ label, value }: { label: string; value: string | number | null | undefined }) {
  return (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="font-medium">{value === null || value === undefined || value === "" ? "—" : value}</dd>
    </div>
  );
}

export default function DevicePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { device, timeline, actions, canEdit, wipes, sanitizedMediumIds, canCertify, canRecordWipes, canValidateWipes, certificate, reservation } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [recycleForm, recycleFields] = useForm({
    id: "recycle",
    lastResult: actionData?.intent === "recycle" ? actionData.result : undefined,
    constraint: getZodConstraint(recycleSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recycleSchema }),
    shouldRevalidate: "onBlur",
  });
  const [listForm, listFields] = useForm({
    id: "list",
    lastResult: actionData?.intent === "list" ? actionData.result : undefined,
    constraint: getZodConstraint(listSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: listSchema }),
  });
  const [handoverForm, handoverFields] = useForm({
    id: "handover",
    lastResult: actionData?.intent === "handover" ? actionData.result : undefined,
    constraint: getZodConstraint(handoverSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: handoverSchema }),
  });
  const [releaseForm, releaseFields] = useForm({
    id: "release",
    lastResult: actionData?.intent === "release" ? actionData.result : undefined,
    constraint: getZodConstraint(releaseSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: releaseSchema }),
  });
  const number = (value: number | null, unit: string) => (value === null ? null : `${formatNumber(value, language)} ${unit}`);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <PageHeading>
            {device.manufacturer} {device.model}
          </PageHeading>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
            <span>{t("devicePage.assetTagLine", { assetTag: device.assetTag })}</span>
            <DeviceStatusBadge status={device.status} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canEdit ? (
            <Link to={`/devices/${device.id}/edit`} className={buttonClass("secondary")}>
              {t("devicePage.edit")}
            </Link>
          ) : null}
          <Link to={`/verify/${device.publicId}`} className={buttonClass("secondary")}>
            {t("devicePage.publicPage")}
          </Link>
        </div>
      </div>

      {actionData?.refusal ? (
        <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
          <p>{t(actionData.refusal)}</p>
          {"problems" in actionData && Array.isArray(actionData.problems) ? (
            <ul className="mt-1 list-disc pl-5">
              {actionData.problems.map((problem) => (
                <li key={String(problem)}>{String(problem)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {certificate ? (
        <Notice tone="success">
          {t("devicePage.certificate", { number: certificate.number, date: formatDate(new Date(certificate.issuedAt), language) })}{" "}
          <a href={`/devices/${device.id}/certificate.pdf`}>{t("devicePage.certificatePdf", { number: certificate.number })}</a>
        </Notice>
      ) : null}
      {actions.length > 0 ? (
        <Card title={t("devicePage.actionsTitle")}>
          <div className="flex flex-wrap items-start gap-4">
            {actions.includes("collect") ? (
              <Form method="post">
                <input type="hidden" name="intent" value="collect" />
                <SubmitButton>{t("devicePage.collect")}</SubmitButton>
              </Form>
            ) : null}
            {reservation ? (
              <p className="w-full text-slate-800">{t("devicePage.reservedFor", { recipient: reservation.recipientName, request: reservation.requestId })}</p>
            ) : null}
            {actions.includes("handover") && reservation ? (
              <ValidatedForm form={handoverForm} className="w-full max-w-xl space-y-3 rounded-md border border-slate-200 p-4">
                <h3 className="font-semibold">{t("devicePage.handoverTitle")}</h3>
                <p className="text-sm text-slate-700">{t("devicePage.handoverIntro", { recipient: reservation.recipientName })}</p>
                <FormErrors id={handoverForm.errorId} errors={handoverForm.errors} />
                <input type="hidden" name="intent" value="handover" />
                <TextField meta={handoverFields.signedBy} label={t("devicePage.signedBy")} autoComplete="off" />
                <CheckboxField meta={handoverFields.signatureConfirmed} label={t("devicePage.signatureConfirmed", { recipient: reservation.recipientName })} />
                <SubmitButton>{t("devicePage.handover")}</SubmitButton>
              </ValidatedForm>
            ) : null}
            {actions.includes("release") ? (
              <details className="w-full max-w-xl" open={releaseForm.status === "error"}>
                <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("devicePage.release")}</summary>
                <div className="mt-3">
                  <ValidatedForm form={releaseForm} className="space-y-3">
                    <FormErrors id={releaseForm.errorId} errors={releaseForm.errors} />
                    <input type="hidden" name="intent" value="release" />
                    <TextField meta={releaseFields.reason} label={t("devicePage.releaseReason")} />
                    <SubmitButton variant="danger">{t("devicePage.releaseConfirm", { assetTag: device.assetTag })}</SubmitButton>
                  </ValidatedForm>
                </div>
              </details>
            ) : null}
            {actions.includes("return") ? (
              <details className="w-full max-w-xl">
                <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("devicePage.return")}</summary>
                <Form method="post" className="mt-3 flex flex-wrap items-center gap-2">
                  <input type="hidden" name="intent" value="return" />
                  <span className="text-sm">{t("devicePage.returnConfirmText")}</span>
                  <SubmitButton variant="danger">{t("devicePage.returnConfirm", { assetTag: device.assetTag })}</SubmitButton>
                </Form>
              </details>
            ) : null}
            {actions.includes("list") ? (
              <ValidatedForm form={listForm} className="w-full max-w-xl space-y-3 rounded-md border border-slate-200 p-4">
                <h3 className="font-semibold">{t("devicePage.listTitle")}</h3>
                <FormErrors id={listForm.errorId} errors={listForm.errors} />
                <input type="hidden" name="intent" value="list" />
                <SelectField
                  meta={listFields.grade}
                  label={t("device.conditionGrade")}
                  placeholder={t("forms.choose")}
                  options={conditionGrades.map((grade) => ({ value: grade, label: t(`grades.${grade}`) }))}
                />
                <CheckboxField meta={listFields.specsConfirmed} label={t("devicePage.specsConfirmed")} />
                <SubmitButton>{t("devicePage.list")}</SubmitButton>
              </ValidatedForm>
            ) : null}
            {actions.includes("recycle") ? (
              <details className="w-full max-w-xl" open={recycleForm.status === "error"}>
                <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("devicePage.recycle")}</summary>
                <div className="mt-3">
                  <ValidatedForm form={recycleForm} className="space-y-3">
                    <p className="text-sm text-slate-700">{t("devicePage.recycleIntro")}</p>
                    <FormErrors id={recycleForm.errorId} errors={recycleForm.errors} />
                    <input type="hidden" name="intent" value="recycle" />
                    <TextField meta={recycleFields.recycler} label={t("devicePage.recycler")} />
                    <TextField meta={recycleFields.certificateNumber} label={t("devicePage.recyclerCertificate")} />
                    <SubmitButton variant="danger">{t("devicePage.recycleConfirm", { assetTag: device.assetTag })}</SubmitButton>
                  </ValidatedForm>
                </div>
              </details>
            ) : null}
          </div>
        </Card>
      ) : null}

      {device.media.length > 0 || device.status === "collected" ? (
        <WipeSection
          deviceId={device.id}
          deviceStatus={device.status}
          media={device.media}
          records={wipes}
          sanitizedMediumIds={sanitizedMediumIds}
          canRecord={canRecordWipes}
          canValidate={canValidateWipes}
          canCertify={canCertify}
          drafts={actionData && "drafts" in actionData ? actionData.drafts : null}
        />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("devicePage.detailsTitle")}>
          <dl className="grid grid-cols-2 gap-4">
            <Detail label={t("device.type")} value={t(`deviceTypes.${device.type}`)} />
            <Detail label={t("device.serial")} value={device.serial} />
            <Detail label={t("device.department")} value={device.departmentName} />
            <Detail label={t("devicePage.holder")} value={device.holderLabel} />
            <Detail label={t("device.cpu")} value={device.cpu} />
            <Detail label={t("device.ramGb")} value={number(device.ramGb, "GB")} />
            <Detail label={t("device.storageGb")} value={number(device.storageGb, "GB")} />
            <Detail label={t("device.screenInches")} value={number(device.screenInches, "″")} />
            <Detail label={t("device.keyboardLayout")} value={device.keyboardLayout} />
            <Detail label={t("device.batteryHealthPercent")} value={number(device.batteryHealthPercent, "%")} />
            <Detail label={t("device.weightKg")} value={number(device.weightKg, "kg")} />
            <Detail label={t("device.conditionGrade")} value={device.conditionGrade} />
            <Detail label={t("device.purchaseDate")} value={device.purchaseDate ? formatDate(new Date(`${device.purchaseDate}T12:00:00Z`), language) : null} />
            <Detail
              label={t("device.purchasePrice")}
              value={
                device.purchasePriceCents === null ? null : formatNumber(device.purchasePriceCents / 100, language, { style: "currency", currency: "EUR" })
              }
            />
          </dl>
          {device.conditionNotes ? (
            <div className="mt-4">
              <h3 className="text-sm text-slate-700">{t("device.conditionNotes")}</h3>
              <p className="whitespace-pre-line">{device.conditionNotes}</p>
            </div>
          ) : null}
          <h3 className="mt-6 mb-2 font-semibold">{t("devicePage.mediaTitle")}</h3>
          {device.media.length === 0 ? (
            <p className="text-slate-700">{t("devicePage.noMedia")}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">
                    {t("medium.serial")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("medium.kind")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("medium.capacityGb")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {device.media.map((medium) => (
                  <tr key={medium.id} className="border-b border-slate-100">
                    <td className="py-1 pr-3 font-mono">{medium.serial}</td>
                    <td className="py-1 pr-3">{medium.kind}</td>
                    <td className="py-1">{formatNumber(medium.capacityGb, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card title={t("devicePage.custodyTitle")}>
          <p className="mb-4 text-sm text-slate-700">{timeline.chainIntact ? t("devicePage.chainIntact") : t("devicePage.chainBroken")}</p>
          <CustodyTimeline entries={timeline.entries} />
        </Card>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
