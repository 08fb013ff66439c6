// /scan?q=…: opens the device a scanned label URL, asset tag or serial names. One device: straight to
// its page; none: says so and offers the device list's search; several: lists them.
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DeviceStatusBadge } from "~/components/device-status";
import { RouteErrorBoundary } from "~/components/error-page";
import { ScanBox } from "~/components/scan-box";
import { Notice, PageHeading } from "~/components/ui/page";
import { MAX_SCAN_LENGTH } from "~/domain/scan";
import { requireRegistryScope } from "~/http/scoped-device.server";
import { pageTitle } from "~/i18n/meta";
import { findDevicesForScan } from "~/models/device-lookup.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "scan.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireRegistryScope(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, MAX_SCAN_LENGTH);
  const matches = query.trim() === "" ? [] : findDevicesForScan(query, scope);
  if (matches.length === 1) return redirect(`/devices/${matches[0]!.id}`);
  const searched = query.trim() !== "";
  return data({ query, searched, matches }, { status: searched && matches.length === 0 ? 404 : 200 });
}

export default function ScanPage() {
  const { t } = useTranslation();
  const { query, searched, matches } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <PageHeading>{t("scan.title")}</PageHeading>
        <p className="mt-2 text-slate-700">{t("scan.intro")}</p>
      </div>
      <ScanBox defaultValue={query} inputId="scan-page-q" />
      {searched && matches.length === 0 ? (
        <Notice tone="warning">
          <p className="font-semibold">{t("scan.notFound", { query: query.trim() })}</p>
          <p className="mt-1">
            <Link to={`/devices?${new URLSearchParams({ q: query.trim() })}`}>{t("scan.searchList")}</Link>
          </p>
        </Notice>
      ) : null}
      {matches.length > 1 ? (
        <section aria-labelledby="scan-matches">
          <h2 id="scan-matches" className="text-lg font-semibold">
            {t("scan.several", { count: matches.length, query: query.trim() })}
          </h2>
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {matches.map((match) => (
              <li key={match.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <span>
                  <Link to={`/devices/${match.id}`} className="font-semibold">
                    {match.assetTag}
                  </Link>{" "}
                  <span className="text-sm text-slate-700">
                    {match.manufacturer} {match.model} · {match.serial} · {match.departmentName}
                  </span>
                </span>
                <DeviceStatusBadge status={match.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
