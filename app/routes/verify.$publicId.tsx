import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOptionalUser, lifecycleActorOf } from "~/auth/guards.server";
import { CustodyTimeline } from "~/components/custody-timeline";
import { DeviceStatusBadge } from "~/components/device-status";
import { RouteErrorBoundary } from "~/components/error-page";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { deviceScopeOf, seesRegistry } from "~/domain/scope";
import { publicVerification } from "~/models/device-custody-view.server";
import { registryDeviceByPublicId } from "~/models/device-lookup.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "verify.title");

/** The page a device's label points to: public, and free of personal data. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const verification = publicVerification(params.publicId ?? "");
  if (!verification) throw data({ reason: "not-found" }, { status: 404 });
  // Staff who scan a label with their phone's camera app land here: they get a way to the device's own page.
  const user = await getOptionalUser(request);
  const scope = user ? deviceScopeOf(lifecycleActorOf(user)) : null;
  const staffDevice = scope && seesRegistry(scope) ? registryDeviceByPublicId(verification.device.publicId, scope) : null;
  return { ...verification, staffDevice };
}

export default function VerifyDevicePage() {
  const { t } = useTranslation();
  const { device, hasWipeCertificate, certificate, events, deviceChainIntact, headHash, staffDevice } = useLoaderData<typeof loader>();
  const language = useLanguage();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <PageHeading>{t("verify.title")}</PageHeading>
        <p className="mt-2 text-slate-700">{t("verify.intro")}</p>
      </div>
      {staffDevice ? (
        <p className="rounded-md border-l-4 border-sky-700 bg-sky-50 p-4 text-sky-950">
          <Link to={`/devices/${staffDevice.id}`} className="font-semibold">
            {t("verify.staffLink", { assetTag: staffDevice.assetTag })}
          </Link>
        </p>
      ) : null}
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
            <dd className="font-medium">{hasWipeCertificate && certificate ? certificate.number : t("verify.certificateNo")}</dd>
          </div>
        </dl>
      </Card>
      {certificate ? (
        <Card title={t("verify.certificateTitle", { number: certificate.number })}>
          <p className="mb-3 text-slate-700">{t("verify.certificateIssued", { date: formatDate(certificate.issuedAt, language) })}</p>
          {certificate.media.length === 0 ? (
            <p className="text-slate-700">{t("verify.certificateNoMedia")}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">
                    {t("verify.medium")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("wipe.method")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("verify.validatedBy")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {certificate.media.map((medium, index) => (
                  <tr key={index} className="border-b border-slate-100">
                    <td className="py-1 pr-3">
                      {medium.kind} · {medium.capacityGb} GB
                    </td>
                    <td className="py-1 pr-3">
                      {t(`wipeMethods.${medium.method}`)} ({t(`wipeTechniques.${medium.technique}`)})
                    </td>
                    <td className="py-1">{medium.validatorOrganization ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      ) : null}
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
