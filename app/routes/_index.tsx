import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOptionalUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { pageTitle } from "~/i18n/meta";
import { custodyHeadHash } from "~/models/custody.server";
import { countDevicesByStatus } from "~/models/device.server";
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
  };
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
          <Card title={t("home.nextTitle")}>
            <p className="text-slate-700">{t(`home.${home.role}.next`)}</p>
          </Card>
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
