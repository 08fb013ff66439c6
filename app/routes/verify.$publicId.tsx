import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CustodyTimeline } from "~/components/custody-timeline";
import { DeviceStatusBadge } from "~/components/device-status";
import { RouteErrorBoundary } from "~/components/error-page";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { pageTitle } from "~/i18n/meta";
import { publicVerification } from "~/models/device-custody-view.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "verify.title");

/** The page a device's label points to: public, and free of personal data. */
export async function loader({ params }: LoaderFunctionArgs) {
  const verification = publicVerification(params.publicId ?? "");
  if (!verification) throw data({ reason: "not-found" }, { status: 404 });
  return verification;
}

export default function VerifyDevicePage() {
  const { t } = useTranslation();
  const { device, hasWipeCertificate, events, deviceChainIntact, headHash } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <PageHeading>{t("verify.title")}</PageHeading>
        <p className="mt-2 text-slate-700">{t("verify.intro")}</p>
      </div>
      <Card title={`${device.manufacturer} ${device.model}`}>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-700">{t("device.type")}</dt>
            <dd className="font-medium">{t(`deviceTypes.${device.type}`)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("device.status")}</dt>
            <dd>
              <DeviceStatusBadge status={device.status} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("verify.wipeCertificate")}</dt>
            <dd className="font-medium">{hasWipeCertificate ? t("verify.certificateYes") : t("verify.certificateNo")}</dd>
          </div>
        </dl>
      </Card>
      <Notice tone={deviceChainIntact ? "success" : "warning"}>{deviceChainIntact ? t("verify.chainIntact") : t("verify.chainBroken")}</Notice>
      <Card title={t("verify.custodyTitle")}>
        <CustodyTimeline entries={events} />
      </Card>
      <Card title={t("verify.headHashTitle")}>
        <p className="text-sm text-slate-700">{t("verify.headHashIntro")}</p>
        <p className="mt-2 break-all font-mono text-sm">{headHash}</p>
      </Card>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
