import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOptionalUser, lifecycleActorOf, requirePermission } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { requiredText } from "~/forms/fields";
import { buttonClass, CheckboxField, FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { pageTitle } from "~/i18n/meta";
import { custodyHeadHash } from "~/models/custody.server";
import { countDevicesByStatus, listHeldDevices } from "~/models/device.server";
import { listReservedFor, recordHandover, returnDevice } from "~/models/match.server";
import { listNotifications, markNotificationsRead } from "~/models/notification.server";
import { redirectWithFlash } from "~/http/flash.server";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { countPendingOrganizations } from "~/models/organization.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (!user) return { view: "guest" as const };
  if (user.organization.status !== "approved") {
    return { view: "awaiting-approval" as const, name: user.name, organizationName: user.organization.name, organizationStatus: user.organization.status };
  }
  const deviceCounts =
    user.role === "coordinator" || user.role === "technician"
      ? countDevicesByStatus({ kind: "all" })
      : user.role === "department"
        ? countDevicesByStatus({ kind: "department", departmentId: user.organization.id })
        : {};
  return {
    view: "member" as const,
    name: user.name,
    role: user.role,
    organizationName: user.organization.name,
    pendingOrganizations: user.role === "coordinator" ? countPendingOrganizations() : 0,
    custodyHeadHash: user.role === "coordinator" ? custodyHeadHash() : null,
    registeredDevices: deviceCounts.registered ?? 0,
    ...waitingFor(user),
  };
}

/** For schools, nonprofits and employees: their notifications and the devices they hold. */
function waitingFor(user: NonNullable<Awaited<ReturnType<typeof getOptionalUser>>>) {
  if (user.role !== "recipient" && user.role !== "employee") return { notifications: [], heldDevices: [], reservedDevices: [] };
  const notifications = listNotifications(user.id, 10);
  markNotificationsRead(user.id);
  const holder = user.role === "employee" ? { userId: user.id } : { organizationId: user.organization.id };
  return {
    notifications,
    heldDevices: listHeldDevices(holder),
    reservedDevices: listReservedFor(holder),
    canReturn: user.role === "recipient",
    signerName: user.name,
  };
}

const signatureSchema = z.object({
  deviceId: z.coerce.number().int().positive(),
  signedBy: requiredText(120),
  signatureConfirmed: z.literal("on", { errorMap: () => ({ message: "errors.confirmSignature" }) }),
});

/**
 * A recipient signs for a device reserved for them (the handover, from their own account), or a
 * school or nonprofit brings a device back (it goes to the IT service and is wiped again).
 */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (formData.get("intent") === "sign") {
    const signer = await requirePermission(request, "handover.sign");
    const submission = parseWithZod(formData, { schema: signatureSchema });
    if (submission.status !== "success")
      return data({ refusal: null, result: submission.reply(), deviceId: Number(formData.get("deviceId")) }, { status: 400 });
    const handedOver = recordHandover(submission.value.deviceId, submission.value.signedBy, lifecycleActorOf(signer), signer.id);
    if (!handedOver.ok)
      return data(
        { refusal: `errors.device.${handedOver.reason}`, result: null, deviceId: submission.value.deviceId },
        { status: handedOver.reason === "not-own-device" ? 403 : 409 },
      );
    return redirectWithFlash("/", { key: "flash.handoverRecorded", values: { assetTag: handedOver.device.assetTag } });
  }
  const user = await requirePermission(request, "device.return");
  const deviceId = Number(formData.get("deviceId"));
  const returned = returnDevice(deviceId, lifecycleActorOf(user), undefined);
  if (!returned.ok)
    return data({ refusal: `errors.device.${returned.reason}`, result: null, deviceId }, { status: returned.reason === "not-own-device" ? 403 : 409 });
  return redirectWithFlash("/", { key: "flash.deviceReturned", values: { assetTag: returned.device.assetTag } });
}

function GuestHome() {
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <div className="max-w-3xl">
        <PageHeading>{t("home.guest.title")}</PageHeading>
        <p className="mt-3 text-lg text-slate-700">{t("home.guest.intro")}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <Card title={t("home.guest.staffTitle")}>
          <p className="mb-4 text-slate-700">{t("home.guest.staffBody")}</p>
          <Link to="/login" className={buttonClass("primary")}>
            {t("auth.signIn")}
          </Link>
        </Card>
        <Card title={t("home.guest.organizationTitle")}>
          <p className="mb-4 text-slate-700">{t("home.guest.organizationBody")}</p>
          <Link to="/register" className={buttonClass("secondary")}>
            {t("home.guest.organizationAction")}
          </Link>
        </Card>
        <Card title={t("home.guest.employeeTitle")}>
          <p className="mb-4 text-slate-700">{t("home.guest.employeeBody")}</p>
          <Link to="/signup" className={buttonClass("secondary")}>
            {t("home.guest.employeeAction")}
          </Link>
        </Card>
      </div>
    </div>
  );
}

type MemberHome = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: "member" }>;

function WaitingForYou({ home }: { home: MemberHome }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Card title={t("home.waiting.title")}>
        {actionData?.refusal ? (
          <p role="alert" className="mb-3 font-medium text-red-800">
            {t(actionData.refusal)}
          </p>
        ) : null}
        {home.notifications.length === 0 ? (
          <p className="mb-4 text-slate-700">{t("home.waiting.nothing")}</p>
        ) : (
          <ul className="mb-4 space-y-2">
            {home.notifications.map((notification) => (
              <li key={notification.id} className={notification.read ? "text-slate-700" : "font-medium"}>
                {t(`notifications.${notification.kind}.title`, notification.values)}{" "}
                <span className="text-sm font-normal text-slate-600">· {formatDateTime(new Date(notification.createdAt), language)}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap gap-3">
          <Link to="/requests/new" className={buttonClass("primary")}>
            {t("requests.new")}
          </Link>
          <Link to="/requests" className={buttonClass("secondary")}>
            {t("home.waiting.yourRequests")}
          </Link>
        </div>
      </Card>
      {home.reservedDevices.length > 0 ? (
        <Card title={t("home.waiting.reservedTitle")}>
          <ul className="space-y-4">
            {home.reservedDevices.map((device) => (
              <li key={device.id}>
                <SignForDevice device={device} signerName={home.signerName ?? ""} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title={t("home.waiting.devicesTitle")}>
        {home.heldDevices.length === 0 ? (
          <p className="text-slate-700">{t("home.waiting.noDevices")}</p>
        ) : (
          <ul className="space-y-3">
            {home.heldDevices.map((device) => (
              <li key={device.id}>
                <p className="font-medium">
                  {device.manufacturer} {device.model} · {device.assetTag}
                </p>
                <p className="text-sm">
                  <Link to={`/verify/${device.publicId}`}>{t("home.waiting.history", { assetTag: device.assetTag })}</Link>
                </p>
                {home.canReturn ? (
                  <details className="mt-1 text-sm">
                    <summary className="cursor-pointer underline">{t("home.waiting.return", { assetTag: device.assetTag })}</summary>
                    <Form method="post" className="mt-2 flex flex-wrap items-center gap-2">
                      <input type="hidden" name="deviceId" value={device.id} />
                      <span>{t("home.waiting.returnConfirmText")}</span>
                      <SubmitButton variant="danger">{t("home.waiting.returnConfirm", { assetTag: device.assetTag })}</SubmitButton>
                    </Form>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

function SignForDevice({
  device,
  signerName,
}: {
  device: { id: number; assetTag: string; manufacturer: string; model: string; requestId: number };
  signerName: string;
}) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `sign-${device.id}`,
    lastResult: actionData?.deviceId === device.id ? actionData.result : undefined,
    defaultValue: { signedBy: signerName, deviceId: String(device.id) },
    constraint: getZodConstraint(signatureSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signatureSchema }),
  });
  return (
    <ValidatedForm form={form} className="space-y-2">
      <p className="font-medium">
        {t("home.waiting.reservedDevice", { device: `${device.manufacturer} ${device.model}`, assetTag: device.assetTag, request: device.requestId })}
      </p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="sign" />
      <input type="hidden" name="deviceId" value={device.id} />
      <TextField meta={fields.signedBy} label={t("home.waiting.signedBy", { assetTag: device.assetTag })} autoComplete="name" />
      <CheckboxField meta={fields.signatureConfirmed} label={t("home.waiting.signatureConfirmed", { assetTag: device.assetTag })} />
      <SubmitButton>{t("home.waiting.sign", { assetTag: device.assetTag })}</SubmitButton>
    </ValidatedForm>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const home = useLoaderData<typeof loader>();
  if (home.view === "guest") return <GuestHome />;
  if (home.view === "awaiting-approval") {
    return (
      <div className="max-w-2xl space-y-4">
        <PageHeading>{t("home.welcome", { name: home.name })}</PageHeading>
        <Notice tone="warning">
          {home.organizationStatus === "rejected"
            ? t("home.pending.rejected", { organization: home.organizationName })
            : t("home.pending.body", { organization: home.organizationName })}
        </Notice>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div>
        <PageHeading>{t("home.welcome", { name: home.name })}</PageHeading>
        <p className="mt-2 text-slate-700">{t(`home.${home.role}.intro`, { organization: home.organizationName })}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {home.role === "coordinator" ? (
          <>
            <Card title={t("home.coordinator.reviewTitle")}>
              <p className="mb-4 text-slate-700">{t("home.coordinator.reviewBody", { count: home.pendingOrganizations })}</p>
              <Link to="/organizations" className={buttonClass("primary")}>
                {t("home.coordinator.reviewAction")}
              </Link>
            </Card>
            <Card title={t("home.coordinator.inviteTitle")}>
              <p className="mb-4 text-slate-700">{t("home.coordinator.inviteBody")}</p>
              <Link to="/invites" className={buttonClass("secondary")}>
                {t("home.coordinator.inviteAction")}
              </Link>
            </Card>
            <Card title={t("home.coordinator.ledgerTitle")}>
              <p className="mb-2 text-slate-700">{t("home.coordinator.ledgerBody")}</p>
              <dl>
                <dt className="text-sm font-semibold">{t("home.coordinator.headHash")}</dt>
                <dd className="break-all font-mono text-sm">{home.custodyHeadHash}</dd>
              </dl>
            </Card>
          </>
        ) : home.role === "department" ? (
          <Card title={t("home.department.registerTitle")}>
            <p className="mb-4 text-slate-700">{t("home.department.registerBody", { count: home.registeredDevices })}</p>
            <div className="flex flex-wrap gap-3">
              <Link to="/devices/new" className={buttonClass("primary")}>
                {t("devices.register")}
              </Link>
              <Link to="/devices" className={buttonClass("secondary")}>
                {t("home.department.follow")}
              </Link>
            </div>
          </Card>
        ) : home.role === "technician" ? (
          <Card title={t("home.technician.collectTitle")}>
            <p className="mb-4 text-slate-700">{t("home.technician.collectBody", { count: home.registeredDevices })}</p>
            <Link to="/devices?status=registered" className={buttonClass("primary")}>
              {t("home.technician.collectAction")}
            </Link>
          </Card>
        ) : (
          <WaitingForYou home={home} />
        )}
        <Card title={t("home.profileTitle")}>
          <p className="mb-4 text-slate-700">{t("home.profileBody")}</p>
          <Link to="/profile" className={buttonClass("secondary")}>
            {t("nav.profile")}
          </Link>
        </Card>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
