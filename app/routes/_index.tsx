import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOptionalUser, lifecycleActorOf, requireUser } from "~/auth/guards.server";
import { returnDevice, returnDeviceInput } from "~/commands/devices/return-device.server";
import { signHandover } from "~/commands/devices/sign-handover.server";
import { refusalAnswer, type Refusal } from "~/commands/refusals";
import { can } from "~/domain/permissions";
import { deviceScopeOf, seesRegistry, type DeviceScope } from "~/domain/scope";
import { signHandoverForm } from "~/forms/device-actions";
import { RouteErrorBoundary } from "~/components/error-page";
import { OnOfferOverview } from "~/components/catalogue/on-offer-overview";
import type { DeviceType } from "~/domain/devices";
import { countOnOfferByType } from "~/models/catalogue.server";
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { buttonClass, CheckboxField, FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { pageTitle } from "~/i18n/meta";
import { custodyHeadHash } from "~/models/custody.server";
import { countDevicesByStatus, listHeldDevices } from "~/models/device.server";
import { listReservedFor } from "~/models/match.server";
import { listNotifications } from "~/models/notification.server";
import { markNotificationsRead, markNotificationsReadInput } from "~/commands/notifications/mark-notifications-read.server";
import { redirectWithFlash } from "~/http/flash.server";
import { readForm } from "~/http/request-body.server";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { countPendingOrganizations } from "~/models/organization.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (!user) return { view: "guest" as const, onOffer: countOnOfferByType() };
  if (user.organization.status !== "approved") {
    return { view: "awaiting-approval" as const, name: user.name, organizationName: user.organization.name, organizationStatus: user.organization.status };
  }
  const actor = lifecycleActorOf(user);
  const permissions = { role: actor.role, organizationStatus: actor.organizationStatus };
  const scope = deviceScopeOf(actor);
  const deviceCounts = seesRegistry(scope) ? countDevicesByStatus(scope) : {};
  // The coordinator's overview: organizations to review, invites, and the ledger's head hash.
  const overview = can(permissions, "organization.review");
  return {
    view: "member" as const,
    name: user.name,
    role: user.role,
    organizationName: user.organization.name,
    /** Which cards the home page shows, from what the person may do. */
    cards: {
      overview,
      invite: can(permissions, "invite.create"),
      register: scope.kind === "department",
      collect: can(permissions, "device.collect"),
      waiting: scope.kind === "recipient" || scope.kind === "employee",
    },
    pendingOrganizations: overview ? countPendingOrganizations() : 0,
    custodyHeadHash: overview ? custodyHeadHash() : null,
    registeredDevices: deviceCounts.registered ?? 0,
    ...waitingFor(user, scope, can(permissions, "device.return")),
  };
}

/** For schools, nonprofits and employees (whose scope is what they hold): their notifications and their devices. */
function waitingFor(user: NonNullable<Awaited<ReturnType<typeof getOptionalUser>>>, scope: DeviceScope, canReturn: boolean) {
  if (scope.kind !== "recipient" && scope.kind !== "employee") return { notifications: [], heldDevices: [], reservedDevices: [] };
  const notifications = listNotifications(user.id, 10);
  const holder = scope.kind === "employee" ? { userId: scope.userId } : { organizationId: scope.organizationId };
  return {
    notifications,
    heldDevices: listHeldDevices(holder),
    reservedDevices: listReservedFor(holder),
    canReturn,
    signerName: user.name,
  };
}

/**
 * A recipient signs for a device reserved for them (the handover, from their own account), or a
 * school or nonprofit brings a device back (it goes to the IT service and is wiped again).
 */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (formData.get("intent") === "mark-notifications-read") return markNotificationsReadAction(request, formData);
  if (formData.get("intent") === "sign") return signForDevice(request, formData);
  return giveBack(request, formData);
}

/** The refused action's message for the home page, about the device it was for. */
function homeRefusal(refusal: Refusal, deviceId: number | null) {
  const answer = refusalAnswer(refusal);
  return data({ refusal: answer.messageKey, result: null, deviceId }, { status: answer.status });
}

async function signForDevice(request: Request, formData: FormData) {
  const signer = await requireUser(request);
  const submission = parseWithZod(formData, { schema: signHandoverForm });
  if (submission.status !== "success") return data({ refusal: null, result: submission.reply(), deviceId: Number(formData.get("deviceId")) }, { status: 400 });
  const result = signHandover(lifecycleActorOf(signer), { deviceId: submission.value.deviceId, signedBy: submission.value.signedBy });
  if (!result.ok) return homeRefusal(result, submission.value.deviceId);
  return redirectWithFlash("/", { key: "flash.handoverRecorded", values: { assetTag: result.value.assetTag } });
}

async function giveBack(request: Request, formData: FormData) {
  const user = await requireUser(request);
  const submission = parseWithZod(formData, { schema: returnDeviceInput });
  if (submission.status !== "success") return homeRefusal({ reason: "not-found", entity: "device" }, null);
  const result = returnDevice(lifecycleActorOf(user), submission.value);
  if (!result.ok) return homeRefusal(result, submission.value.deviceId);
  return redirectWithFlash("/", { key: "flash.deviceReturned", values: { assetTag: result.value.assetTag } });
}

/** Marking read is an explicit POST (the page's GET changes nothing), up to the newest notification shown. */
async function markNotificationsReadAction(request: Request, formData: FormData) {
  const user = await requireUser(request);
  const input = markNotificationsReadInput.safeParse(Object.fromEntries(formData));
  if (!input.success) throw data({ reason: "bad-request" }, { status: 400 });
  const result = markNotificationsRead(lifecycleActorOf(user), input.data);
  if (!result.ok) return homeRefusal(result, null);
  return redirect("/");
}

function GuestHome({ onOffer }: { onOffer: { type: DeviceType; count: number }[] }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <div className="max-w-3xl">
        <PageHeading>{t("home.guest.title")}</PageHeading>
        <p className="mt-3 text-lg text-slate-700">{t("home.guest.intro")}</p>
      </div>
      <OnOfferOverview counts={onOffer} />
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
                {notification.read ? null : (
                  <span className="mr-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-900">{t("home.waiting.unread")}</span>
                )}
                {t(`notifications.${notification.kind}.title`, notification.values)}{" "}
                <span className="text-sm font-normal text-slate-600">· {formatDateTime(new Date(notification.createdAt), language)}</span>
              </li>
            ))}
          </ul>
        )}
        {home.notifications.some((notification) => !notification.read) ? (
          <Form method="post" className="mb-4">
            <input type="hidden" name="intent" value="mark-notifications-read" />
            <input type="hidden" name="upToId" value={home.notifications[0]?.id} />
            <SubmitButton variant="secondary">{t("home.waiting.markRead")}</SubmitButton>
          </Form>
        ) : null}
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
    constraint: getZodConstraint(signHandoverForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signHandoverForm }),
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
  if (home.view === "guest") return <GuestHome onOffer={home.onOffer} />;
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
        {home.cards.overview ? (
          <Card title={t("home.coordinator.reviewTitle")}>
            <p className="mb-4 text-slate-700">{t("home.coordinator.reviewBody", { count: home.pendingOrganizations })}</p>
            <Link to="/organizations" className={buttonClass("primary")}>
              {t("home.coordinator.reviewAction")}
            </Link>
          </Card>
        ) : null}
        {home.cards.invite ? (
          <Card title={t("home.coordinator.inviteTitle")}>
            <p className="mb-4 text-slate-700">{t("home.coordinator.inviteBody")}</p>
            <Link to="/invites" className={buttonClass("secondary")}>
              {t("home.coordinator.inviteAction")}
            </Link>
          </Card>
        ) : null}
        {home.cards.overview ? (
          <Card title={t("home.coordinator.ledgerTitle")}>
            <p className="mb-2 text-slate-700">{t("home.coordinator.ledgerBody")}</p>
            <dl>
              <dt className="text-sm font-semibold">{t("home.coordinator.headHash")}</dt>
              <dd className="break-all font-mono text-sm">{home.custodyHeadHash}</dd>
            </dl>
          </Card>
        ) : null}
        {home.cards.register ? (
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
        ) : null}
        {home.cards.collect ? (
          <Card title={t("home.technician.collectTitle")}>
            <p className="mb-4 text-slate-700">{t("home.technician.collectBody", { count: home.registeredDevices })}</p>
            <Link to="/devices?status=registered" className={buttonClass("primary")}>
              {t("home.technician.collectAction")}
            </Link>
          </Card>
        ) : null}
        {home.cards.waiting ? <WaitingForYou home={home} /> : null}
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
