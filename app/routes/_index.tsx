import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOptionalUser, lifecycleActorOf, requireUser } from "~/auth/guards.server";
import { returnDevice, returnDeviceInput } from "~/commands/devices/return-device.server";
import { signHandover } from "~/commands/devices/sign-handover.server";
import { refusalAnswer, refusalFieldErrors, type Refusal } from "~/commands/refusals";
import { can } from "~/domain/permissions";
import { deviceScopeOf, type DeviceScope } from "~/domain/scope";
import { pickupCodeForm } from "~/forms/pickup";
import { RouteErrorBoundary } from "~/components/error-page";
import { OnOfferOverview } from "~/components/catalogue/on-offer-overview";
import type { DeviceType } from "~/domain/devices";
import { countOnOfferByType } from "~/models/catalogue.server";
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { RecipientPickups } from "~/components/pickup/recipient-pickup";
import { buttonClass, SubmitButton } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { pageTitle } from "~/i18n/meta";
import { custodyHeadHash } from "~/models/custody.server";
import { listHeldDevices } from "~/models/device.server";
import { listPickupsFor, requestsWithReceipts } from "~/models/pickup.server";
import { listNotifications } from "~/models/notification.server";
import { markNotificationsRead, markNotificationsReadInput } from "~/commands/notifications/mark-notifications-read.server";
import { redirectWithFlash } from "~/http/flash.server";
import { readForm } from "~/http/request-body.server";
import { formatDateTime } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { collectDevice, collectDeviceInput } from "~/commands/devices/collect-device.server";
import { confirmMatch, confirmMatchInput } from "~/commands/matches/confirm-match.server";
import { CoordinatorQueues } from "~/components/work-queues/coordinator-queues";
import { DepartmentQueues } from "~/components/work-queues/department-queues";
import { NotificationList } from "~/components/work-queues/notifications-card";
import { TechnicianQueues } from "~/components/work-queues/technician-queues";
import { coordinatorQueues, departmentQueues, technicianQueues } from "~/models/work-queue.server";
import { inlinePickups, inlineReviews, inlineSpecs, inlineValidations } from "~/models/inline-work.server";
import { listDevice } from "~/commands/devices/list-device.server";
import { listDeviceInput } from "~/forms/device-actions";
import { RegisterDeviceCard } from "~/components/work-queues/inline-forms";

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
  // The coordinator's overview: invites and the ledger's head hash, beside the queues.
  const overview = can(permissions, "organization.review");
  const staff = scope.kind !== "recipient" && scope.kind !== "employee";
  const technician = can(permissions, "wipe.validate") ? technicianQueues(user.id) : null;
  const coordinator = can(permissions, "request.review") && can(permissions, "match.confirm") ? coordinatorQueues() : null;
  const ids = (items: { id: number }[]) => items.map((item) => item.id);
  return {
    view: "member" as const,
    name: user.name,
    role: user.role,
    organizationName: user.organization.name,
    /** Which cards the home page shows, from what the person may do. */
    cards: {
      overview,
      invite: can(permissions, "invite.create"),
      waiting: !staff,
    },
    /** The work waiting for this person, by what they may do (the queues' queries are in app/models/work-queue.server.ts). */
    queues: {
      technician,
      coordinator,
      department: scope.kind === "department" ? departmentQueues(scope.departmentId) : null,
    },
    /** What the queues' items need to be finished right on this page (evidence, specs, pickup defaults, rubric priorities). */
    inline: {
      technician: technician
        ? {
            validations: inlineValidations(ids(technician.toValidate.items), actor),
            specs: inlineSpecs(ids(technician.toGradeAndList.items)),
            pickups: can(permissions, "pickup.prepare") ? inlinePickups(ids(technician.awaitingPickup.items), actor.organizationId) : [],
          }
        : undefined,
      coordinator: coordinator ? { reviews: inlineReviews(ids(coordinator.requestsToReview.items)) } : undefined,
    },
    canRegister: scope.kind === "department" && can(permissions, "device.register"),
    staffNotifications: staff ? listNotifications(user.id, 10) : [],
    custodyHeadHash: overview ? custodyHeadHash() : null,
    ...waitingFor(user, scope, can(permissions, "device.return")),
  };
}

/** For schools, nonprofits and employees (whose scope is what they hold): their notifications and their devices. */
function waitingFor(user: NonNullable<Awaited<ReturnType<typeof getOptionalUser>>>, scope: DeviceScope, canReturn: boolean) {
  if (scope.kind !== "recipient" && scope.kind !== "employee") return { notifications: [], heldDevices: [], pickups: [], receipts: [] };
  const notifications = listNotifications(user.id, 10);
  const holder = scope.kind === "employee" ? { userId: scope.userId } : { organizationId: scope.organizationId };
  return {
    notifications,
    heldDevices: listHeldDevices(holder),
    pickups: listPickupsFor(holder),
    receipts: requestsWithReceipts(holder),
    canReturn,
    signerName: user.name,
  };
}

/**
 * A recipient signs for the devices ready for pickup with the code given at the counter (the handover,
 * from their own account), or a school or nonprofit brings a device back (it goes to the IT service and is wiped again).
 */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (formData.get("intent") === "mark-notifications-read") return markNotificationsReadAction(request, formData);
  if (formData.get("intent") === "pickup") return pickUpWithCode(request, formData);
  if (formData.get("intent") === "collect") return collectFromQueue(request, formData);
  if (formData.get("intent") === "confirm-match") return confirmFromQueue(request, formData);
  if (formData.get("intent") === "list") return listFromQueue(request, formData);
  return giveBack(request, formData);
}

/** The refused action's message for the home page, about the device it was for. */
function homeRefusal(refusal: Refusal, requestId: number | null) {
  const answer = refusalAnswer(refusal);
  return data({ refusal: answer.messageKey, result: null, requestId }, { status: answer.status });
}

/** A wrong or missing code goes next to the code field (the input kept); any other refusal is the home page's message. */
function pickupRefusal(submission: Submission<Record<string, unknown>, string[], unknown>, refusal: Refusal, requestId: number | null) {
  const fields = refusalFieldErrors(refusal);
  if (!fields) return homeRefusal(refusal, requestId);
  return data({ refusal: null, result: submission.reply({ fieldErrors: fields }), requestId }, { status: 422 });
}

async function pickUpWithCode(request: Request, formData: FormData) {
  const signer = await requireUser(request);
  const submission = parseWithZod(formData, { schema: pickupCodeForm });
  const requestId = Number(formData.get("requestId")) || null;
  if (submission.status !== "success") return data({ refusal: null, result: submission.reply(), requestId }, { status: 400 });
  const { deviceIds, pickupCode, signedBy } = submission.value;
  const result = signHandover(lifecycleActorOf(signer), { deviceIds, pickupCode, signedBy });
  if (!result.ok) return pickupRefusal(submission, result, requestId);
  return redirectWithFlash("/", {
    key: "flash.pickedUp",
    values: { assetTags: result.value.map((device) => device.assetTag).join(", "), request: String(submission.value.requestId) },
  });
}

/** The technician's queue collects a registered device in one click; the home page then shows the next one. */
async function collectFromQueue(request: Request, formData: FormData) {
  const user = await requireUser(request);
  const submission = parseWithZod(formData, { schema: collectDeviceInput });
  if (submission.status !== "success") return homeRefusal({ reason: "not-found", entity: "device" }, null);
  const result = collectDevice(lifecycleActorOf(user), submission.value);
  if (!result.ok) return homeRefusal(result, null);
  return redirectWithFlash("/", { key: "flash.deviceCollected", values: { assetTag: result.value.assetTag } });
}

/** The coordinator's queue confirms one of the engine's proposals in one click. */
async function confirmFromQueue(request: Request, formData: FormData) {
  const user = await requireUser(request);
  const submission = parseWithZod(formData, { schema: confirmMatchInput });
  if (submission.status !== "success") return homeRefusal({ reason: "not-found", entity: "match" }, null);
  const result = confirmMatch(lifecycleActorOf(user), submission.value);
  if (!result.ok) return homeRefusal(result, null);
  return redirectWithFlash("/", { key: "flash.matchConfirmed", values: { assetTag: result.value.device.assetTag, request: String(result.value.requestId) } });
}

/** The technician's queue grades and lists a certified device with its specs as they are (shown beside the grade). */
async function listFromQueue(request: Request, formData: FormData) {
  const user = await requireUser(request);
  const submission = parseWithZod(formData, { schema: listDeviceInput });
  if (submission.status !== "success") {
    return data({ refusal: "errors.chooseGrade" as const, result: null, requestId: null }, { status: 400 });
  }
  const result = listDevice(lifecycleActorOf(user), submission.value);
  if (!result.ok) return homeRefusal(result, null);
  return redirectWithFlash("/", { key: "flash.deviceListed", values: { assetTag: result.value.assetTag } });
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
      <p>
        <Link to="/impact/public" className="font-medium text-blue-800 underline">
          {t("impact.public.homeLink")}
        </Link>
      </p>
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
      <RecipientPickups
        pickups={home.pickups}
        receipts={home.receipts}
        signerName={home.signerName ?? ""}
        lastResult={
          actionData && "requestId" in actionData && actionData.requestId !== null ? { requestId: actionData.requestId, result: actionData.result } : null
        }
      />
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

export default function HomePage() {
  const { t } = useTranslation();
  const home = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      {actionData?.refusal && !home.cards.waiting ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {t(actionData.refusal)}
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
        {home.canRegister ? <RegisterDeviceCard /> : null}
        {home.queues.technician ? <TechnicianQueues queues={home.queues.technician} inline={home.inline.technician} /> : null}
        {home.queues.coordinator ? <CoordinatorQueues queues={home.queues.coordinator} inline={home.inline.coordinator} /> : null}
        {home.queues.department ? <DepartmentQueues queues={home.queues.department} /> : null}
        {home.cards.waiting ? null : (
          <Card title={t("workQueues.notificationsTitle")}>
            <NotificationList notifications={home.staffNotifications} empty={t("workQueues.noNotifications")} />
          </Card>
        )}
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
