import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requireUser } from "~/auth/guards.server";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { certifyDevice } from "~/commands/devices/certify-device.server";
import { handOverDevice } from "~/commands/devices/hand-over-device.server";
import { preparePickup, preparePickupInput } from "~/commands/matches/prepare-pickup.server";
import { listDevice } from "~/commands/devices/list-device.server";
import { recycleDevice } from "~/commands/devices/recycle-device.server";
import { releaseDevice } from "~/commands/devices/release-device.server";
import { returnDevice } from "~/commands/devices/return-device.server";
import { MAX_LOG_BYTES, readWipeLog } from "~/commands/wipes/read-wipe-log.server";
import { validateWipe } from "~/commands/wipes/validate-wipe.server";
import { addStorageMedium, addStorageMediumInput } from "~/commands/devices/add-storage-medium.server";
import { validateWipeForm } from "~/forms/wipe";
import { collectForm } from "~/forms/device-confirmation";
import { recordStorageAbsence } from "~/commands/wipes/record-storage-absence.server";
import { validateStorageAbsence, validateStorageAbsenceInput } from "~/commands/wipes/validate-storage-absence.server";
import { CustodyTimeline } from "~/components/custody-timeline";
import { DeviceActionsCard } from "~/components/device-page/device-actions-card";
import { DeviceCarbonCard } from "~/components/device-page/device-carbon";
import { DeviceDetailsCard } from "~/components/device-page/device-details";
import { RefusalAlert } from "~/components/device-page/refusal-alert";
import { DeviceStatusBadge } from "~/components/device-status";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { WipeSection } from "~/components/wipe-section";
import { holdsStorage } from "~/domain/devices";
import { availableActions, mayEditRegistration, type UserActor } from "~/domain/lifecycle";
import { can } from "~/domain/permissions";
import { handoverForm, listForm, recycleForm, releaseForm } from "~/forms/device-actions";
import { storageAbsenceForm } from "~/forms/storage-absence";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { formBodyRefusal, readFormWithLimits } from "~/http/request-body.server";
import { requireScopedDevice } from "~/http/scoped-device.server";
import { formatDate, toDateTimeLocal } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { deviceCarbonReferenceUrl } from "~/models/carbon-reference.server";
import { staffCustodyTimeline } from "~/models/device-custody-view.server";
import { reservationOf } from "~/models/match.server";
import { receiptRequestOfDevice, technicianPickupOf } from "~/models/pickup.server";
import { defaultPickupLocation, defaultPickupWindow } from "~/domain/pickup";
import { listRecyclers } from "~/models/organization.server";
import { certificationStatus, currentCertificate, listDeviceWipes } from "~/models/wipe.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageTitle(matches, "devicePage.title", { assetTag: loaderData?.device.assetTag ?? "" });

/** Actions this page offers (reserving happens on the match board). */
const pageActions = ["collect", "certify", "list", "handover", "release", "return", "recycle"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, device } = await requireScopedDevice(request, params.id);
  const permissions = { role: actor.role, organizationStatus: actor.organizationStatus };
  const certificate = currentCertificate(device.id);
  const certification = certificationStatus(device);
  const actions = availableActions(device.status, actor).filter((action) => pageActions.some((offered) => offered === action));
  return {
    device,
    timeline: staffCustodyTimeline(device.id),
    actions,
    canEdit: device.status === "registered" && mayEditRegistration(actor, device.departmentId),
    wipes: listDeviceWipes(device.id),
    sanitizedMediumIds: certification.sanitizedMediumIds,
    decidingWipeIds: certification.decidingWipeIds,
    readiness: certification.readiness,
    storageAbsence: certification.storageAbsence,
    holdsStorage: holdsStorage(device.type),
    currentUserId: actor.userId,
    certifyOffered: actions.includes("certify"),
    canCertify: actions.includes("certify") && certification.readiness === "ready",
    canRecordWipes: can(permissions, "wipe.record"),
    canValidateWipes: can(permissions, "wipe.validate"),
    certificate: certificate && { number: certificate.number, issuedAt: certificate.issuedAt },
    reservation: device.status === "reserved" ? reservationOf(device.id) : null,
    recyclers: actions.includes("recycle") ? listRecyclers() : [],
    pickup: device.status === "reserved" && can(permissions, "pickup.prepare") ? pickupForTechnician(device.id, actor.organizationId) : null,
    receiptRequestId: device.status === "deployed" ? receiptRequestOfDevice(device.id) : null,
    carbonReferenceUrl: deviceCarbonReferenceUrl(device.id),
  };
}

/** The pickup panel's data: the request's reserved devices, and the IT service's place and a week from now as defaults. */
function pickupForTechnician(deviceId: number, itServiceId: number) {
  const pickup = technicianPickupOf(deviceId, itServiceId);
  if (!pickup) return null;
  const window = defaultPickupWindow(Date.now());
  const location = pickup.ready?.location ?? (pickup.itService ? defaultPickupLocation(pickup.itService) : null);
  return {
    requestId: pickup.requestId,
    devices: pickup.devices.map((device) => ({ ...device, ready: device.readyAt !== null })),
    defaults: {
      location: location ?? "",
      addressKnown: location !== null,
      from: toDateTimeLocal(pickup.ready?.from ?? window.from),
      until: toDateTimeLocal(pickup.ready?.until ?? window.until),
    },
    ready: pickup.ready,
  };
}

/** What every intent's handler gets: the submitted form, who acts, and the device of the page's URL. */
type IntentArgs = { formData: FormData; actor: UserActor; deviceId: number };

const devicePath = (deviceId: number) => `/devices/${deviceId}`;

function collect({ formData, actor, deviceId }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: collectForm });
  // Adding or removing a drive without JavaScript answers with the form as it now is.
  if (submission.status !== "success") {
    return data({ intent: "collect" as const, result: submission.reply(), refusal: null }, { status: submission.status === "error" ? 400 : 200 });
  }
  const { media, ...specs } = submission.value;
  const result = collectDevice(actor, { deviceId, media, specs });
  if (!result.ok) return intentRefusal("collect", result, submission);
  return redirectWithFlash(devicePath(deviceId), { key: "flash.deviceCollected", values: { assetTag: result.value.assetTag } });
}

function certify({ actor, deviceId }: IntentArgs) {
  const result = certifyDevice(actor, { deviceId });
  if (!result.ok) return intentRefusal("certify", result);
  return redirectWithFlash(devicePath(deviceId), { key: "flash.deviceCertified", values: { assetTag: result.value.assetTag } });
}

function list({ formData, actor, deviceId }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: listForm });
  if (submission.status !== "success") return data({ intent: "list" as const, result: submission.reply(), refusal: null }, { status: 400 });
  const { grade, specsConfirmed: _confirmed, ...specs } = submission.value;
  const result = listDevice(actor, { deviceId, grade, specs });
  if (!result.ok) return intentRefusal("list", result, submission);
  return redirectWithFlash(devicePath(deviceId), { key: "flash.deviceListed", values: { assetTag: result.value.assetTag } });
}

function handover({ formData, actor, deviceId }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: handoverForm });
  if (submission.status !== "success") return data({ intent: "handover" as const, result: submission.reply(), refusal: null }, { status: 400 });
  const alsoDeviceIds = submission.value.alsoDeviceIds ?? [];
  const result = handOverDevice(actor, { deviceId, signedBy: submission.value.signedBy, alsoDeviceIds });
  if (!result.ok) return intentRefusal("handover", result, submission);
  const key = alsoDeviceIds.length > 0 ? "flash.handoverRecordedMany" : "flash.handoverRecorded";
  return redirectWithFlash(devicePath(deviceId), { key, values: { assetTag: result.value.assetTag, count: String(alsoDeviceIds.length + 1) } });
}

function readyForPickup({ formData, actor, deviceId }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: preparePickupInput });
  if (submission.status !== "success") return data({ intent: "prepare-pickup" as const, result: submission.reply(), refusal: null }, { status: 400 });
  const result = preparePickup(actor, submission.value);
  if (!result.ok) return intentRefusal("prepare-pickup", result, submission);
  return redirectWithFlash(devicePath(deviceId), {
    key: "flash.pickupReady",
    values: { count: String(result.value.devices.length), code: result.value.pickupCode },
  });
}

function release({ formData, actor, deviceId }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: releaseForm });
  if (submission.status !== "success") return data({ intent: "release" as const, result: submission.reply(), refusal: null }, { status: 400 });
  const result = releaseDevice(actor, { deviceId, reason: submission.value.reason });
  if (!result.ok) return intentRefusal("release", result, submission);
  return redirectWithFlash(devicePath(deviceId), { key: "flash.deviceReleased", values: { assetTag: result.value.assetTag } });
}

function giveBack({ actor, deviceId }: IntentArgs) {
  const result = returnDevice(actor, { deviceId });
  if (!result.ok) return intentRefusal("return", result);
  return redirectWithFlash(devicePath(deviceId), { key: "flash.deviceReturned", values: { assetTag: result.value.assetTag } });
}

function recycle({ formData, actor, deviceId }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: recycleForm });
  if (submission.status !== "success") return data({ intent: "recycle" as const, result: submission.reply(), refusal: null }, { status: 400 });
  const result = recycleDevice(actor, { deviceId, ...submission.value });
  if (!result.ok) return intentRefusal("recycle", result, submission);
  return redirectWithFlash(devicePath(deviceId), { key: "flash.deviceRecycled", values: { assetTag: result.value.assetTag } });
}

function validateWipeRecord({ formData, actor, deviceId }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: validateWipeForm });
  const wipeId = Number(formData.get("wipeId"));
  if (submission.status !== "success") return data({ intent: "validate-wipe" as const, result: submission.reply(), refusal: null, wipeId }, { status: 400 });
  const certify = submission.value.certify === "true";
  const result = validateWipe(actor, { wipeId: submission.value.wipeId, deviceId, certify });
  if (!result.ok) return intentRefusal("validate-wipe", result);
  if (certify) {
    return redirectWithFlash(devicePath(deviceId), {
      key: "flash.wipeValidatedAndCertified",
      values: { serial: result.value.mediumSerial, number: result.value.certificateNumber ?? "" },
    });
  }
  return redirectWithFlash(devicePath(deviceId), { key: "flash.wipeValidated", values: { serial: result.value.mediumSerial } });
}

/** "Add this drive": a drive named by the nwipe log that the device lacks, with its wipe record from the log. */
function addMedium({ formData, actor, deviceId }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: addStorageMediumInput.omit({ deviceId: true }) });
  const serial = String(formData.get("serial") ?? "");
  if (submission.status !== "success")
    return data({ intent: "add-medium" as const, result: submission.reply(), refusal: "errors.invalidInput", serial }, { status: 400 });
  const result = addStorageMedium(actor, { deviceId, ...submission.value });
  if (!result.ok && result.reason === "duplicate")
    return data({ intent: "add-medium" as const, result: null, refusal: "errors.medium.duplicate", serial }, { status: 409 });
  if (!result.ok) return intentRefusal("add-medium", result);
  // Answered in place (the page keeps the log's other drafts); without JavaScript the page shows the same notice.
  return {
    intent: "add-medium" as const,
    result: null,
    refusal: null,
    serial,
    added: { serial: result.value.medium.serial, recorded: result.value.wipe !== null },
  };
}

function recordAbsence({ formData, actor, deviceId }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: storageAbsenceForm });
  if (submission.status !== "success") {
    return data({ intent: "record-storage-absence" as const, result: submission.reply(), refusal: null }, { status: 400 });
  }
  const result = recordStorageAbsence(actor, { deviceId, notes: submission.value.notes });
  if (!result.ok) return intentRefusal("record-storage-absence", result, submission);
  return redirectWithFlash(devicePath(deviceId), { key: "flash.storageAbsenceRecorded" });
}

function validateAbsence({ formData, actor, deviceId }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: validateStorageAbsenceInput.pick({ absenceId: true }) });
  if (submission.status !== "success") {
    return data({ intent: "validate-storage-absence" as const, result: null, refusal: "errors.notFound.storage-absence" }, { status: 400 });
  }
  const result = validateStorageAbsence(actor, { absenceId: submission.value.absenceId, deviceId });
  if (!result.ok) return intentRefusal("validate-storage-absence", result);
  return redirectWithFlash(devicePath(deviceId), { key: "flash.storageAbsenceValidated" });
}

async function uploadLog({ formData, actor, deviceId }: IntentArgs) {
  const file = formData.get("log");
  const log = typeof file === "string" ? file : file ? await file.text() : "";
  const result = readWipeLog(actor, { deviceId, log });
  if (!result.ok) return intentRefusal("upload-log", result);
  return { intent: "upload-log" as const, result: null, refusal: null, drafts: result.value.drafts, unknownDrives: result.value.unknownDrives };
}

/** Each form on the page names its intent; each intent has one handler, which calls one command. */
const intentHandlers = {
  collect,
  certify,
  list,
  handover,
  "prepare-pickup": readyForPickup,
  release,
  return: giveBack,
  recycle,
  "validate-wipe": validateWipeRecord,
  "record-storage-absence": recordAbsence,
  "validate-storage-absence": validateAbsence,
  "upload-log": uploadLog,
  "add-medium": addMedium,
};

function isIntent(value: FormDataEntryValue | null): value is keyof typeof intentHandlers {
  return typeof value === "string" && Object.hasOwn(intentHandlers, value);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readFormWithLimits(request, { maxFileBytes: MAX_LOG_BYTES, maxFieldBytes: 64 * 1024 }).catch(formBodyRefusal);
  if (!form.ok) return data({ intent: "upload-log", result: null, refusal: form.messageKey }, { status: 413 });
  const formData = form.formData;
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw data({ reason: "bad-request" }, { status: 400 });
  return intentHandlers[intent]({ formData, actor: lifecycleActorOf(user), deviceId: Number(params.id) });
}

export default function DevicePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const {
    device,
    timeline,
    actions,
    canEdit,
    wipes,
    sanitizedMediumIds,
    decidingWipeIds,
    readiness,
    storageAbsence,
    holdsStorage: typeHoldsStorage,
    currentUserId,
    certifyOffered,
    canCertify,
    canRecordWipes,
    canValidateWipes,
    certificate,
    reservation,
    recyclers,
    pickup,
    receiptRequestId,
    carbonReferenceUrl,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);

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
        <RefusalAlert messageKey={actionData.refusal} problems={"problems" in actionData && Array.isArray(actionData.problems) ? actionData.problems : null} />
      ) : null}
      {certificate ? (
        <Notice tone="success">
          {t("devicePage.certificate", { number: certificate.number, date: formatDate(new Date(certificate.issuedAt), language) })}{" "}
          <a href={`/devices/${device.id}/certificate.pdf`}>{t("devicePage.certificatePdf", { number: certificate.number })}</a>
        </Notice>
      ) : null}
      <DeviceActionsCard
        assetTag={device.assetTag}
        actions={actions}
        reservation={reservation}
        recyclers={recyclers}
        device={device}
        results={{
          collect: resultFor("collect"),
          handover: resultFor("handover"),
          release: resultFor("release"),
          list: resultFor("list"),
          recycle: resultFor("recycle"),
          "prepare-pickup": resultFor("prepare-pickup"),
        }}
        pickup={pickup}
        deviceId={device.id}
      />
      {receiptRequestId ? (
        <p>
          <a href={`/requests/${receiptRequestId}/receipt.pdf`}>{t("pickup.receiptLink", { request: receiptRequestId })}</a>
        </p>
      ) : null}

      {device.media.length > 0 || device.status === "collected" || storageAbsence ? (
        <WipeSection
          deviceId={device.id}
          deviceStatus={device.status}
          media={device.media}
          records={wipes}
          sanitizedMediumIds={sanitizedMediumIds}
          decidingWipeIds={decidingWipeIds}
          holdsStorage={typeHoldsStorage}
          storageAbsence={storageAbsence}
          readiness={readiness}
          currentUserId={currentUserId}
          canRecord={canRecordWipes}
          canValidate={canValidateWipes}
          certifyOffered={certifyOffered}
          canCertify={canCertify}
          drafts={actionData && "drafts" in actionData ? actionData.drafts : null}
          unknownDrives={actionData && "unknownDrives" in actionData ? actionData.unknownDrives : null}
          validateResult={actionData?.intent === "validate-wipe" && "wipeId" in actionData ? { wipeId: actionData.wipeId, result: actionData.result } : null}
          addedDrive={actionData && "added" in actionData ? actionData.added : null}
          absenceResult={resultFor("record-storage-absence")}
        />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <DeviceDetailsCard device={device} />
        <Card title={t("devicePage.custodyTitle")}>
          <p className="mb-4 text-sm text-slate-700">{timeline.chainIntact ? t("devicePage.chainIntact") : t("devicePage.chainBroken")}</p>
          <CustodyTimeline entries={timeline.entries} />
        </Card>
        <DeviceCarbonCard carbon={device.carbon} referenceUrl={carbonReferenceUrl} type={device.type} />
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
