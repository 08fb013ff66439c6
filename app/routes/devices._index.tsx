import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DeviceStatusBadge } from "~/components/device-status";
import { RouteErrorBoundary } from "~/components/error-page";
import { focusAfterNavigation } from "~/components/ui/focus";
import { buttonClass } from "~/components/ui/form";
import { EmptyState, PageHeading } from "~/components/ui/page";
import { deviceTypes } from "~/domain/devices";
import { deviceStatuses } from "~/domain/lifecycle";
import { can } from "~/domain/permissions";
import { deviceListQuerySchema, deviceSortKeys, searchParamsObject } from "~/forms/device";
import { requireRegistryScope } from "~/http/scoped-device.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { listDevices } from "~/models/device.server";
import { listDepartments } from "~/models/organization.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "devices.title");

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requireRegistryScope(request);
  const parsed = deviceListQuerySchema.safeParse(searchParamsObject(request.url));
  // A hand-edited query string falls back to the unfiltered first page rather than an error.
  const query = parsed.success ? { ...parsed.data, pageSize: PAGE_SIZE } : { page: 1, pageSize: PAGE_SIZE };
  const { items, total } = listDevices(query, scope);
  return {
    items,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    departments: scope.kind === "all" ? listDepartments() : null,
    canRegister: can(actor, "device.register"),
  };
}

function pageLink(searchParams: URLSearchParams, page: number): string {
  const next = new URLSearchParams(searchParams);
  next.set("page", String(page));
  return `?${next}`;
}

export default function DevicesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { items, total, page, pageCount, departments, canRegister } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const filtering = navigation.state === "loading" && navigation.location.pathname === "/devices";
  const filterSelectClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageHeading>{t("devices.title")}</PageHeading>
        {canRegister ? (
          <Link to="/devices/new" className={buttonClass("primary")}>
            {t("devices.register")}
          </Link>
        ) : null}
      </div>

      <Form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-6" aria-label={t("devices.filters")}>
        <div className="md:col-span-2">
          <label htmlFor="filter-q" className="block text-sm font-semibold">
            {t("devices.search")}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={searchParams.get("q") ?? ""} className={filterSelectClass} />
        </div>
        <div>
          <label htmlFor="filter-status" className="block text-sm font-semibold">
            {t("device.status")}
          </label>
          <select id="filter-status" name="status" defaultValue={searchParams.get("status") ?? ""} className={filterSelectClass}>
            <option value="">{t("devices.any")}</option>
            {deviceStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`deviceStatuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-type" className="block text-sm font-semibold">
            {t("device.type")}
          </label>
          <select id="filter-type" name="type" defaultValue={searchParams.get("type") ?? ""} className={filterSelectClass}>
            <option value="">{t("devices.any")}</option>
            {deviceTypes.map((type) => (
              <option key={type} value={type}>
                {t(`deviceTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        {departments ? (
          <div>
            <label htmlFor="filter-department" className="block text-sm font-semibold">
              {t("device.department")}
            </label>
            <select id="filter-department" name="departmentId" defaultValue={searchParams.get("departmentId") ?? ""} className={filterSelectClass}>
              <option value="">{t("devices.any")}</option>
              {departments.map((department) => (
                <option key={department.id} value={department.id}>
                  {department.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor="filter-sort" className="block text-sm font-semibold">
            {t("devices.sort")}
          </label>
          <select id="filter-sort" name="sort" defaultValue={searchParams.get("sort") ?? "updated"} className={filterSelectClass}>
            {deviceSortKeys.map((key) => (
              <option key={key} value={key}>
                {t(`devices.sortBy.${key}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end md:col-span-6">
          <button type="submit" className={buttonClass("secondary")}>
            {t("devices.applyFilters")}
          </button>
        </div>
      </Form>

      <p role="status" {...focusAfterNavigation} tabIndex={-1} className="text-sm text-slate-700">
        {filtering ? t("devices.loading") : t("devices.count", { count: total, formatted: formatNumber(total, language) })}
      </p>

      {items.length === 0 ? (
        <EmptyState>{canRegister ? t("devices.emptyCanRegister") : t("devices.empty")}</EmptyState>
      ) : (
        // A plain form: the label sheet is a PDF the browser opens itself.
        <form method="get" action="/devices/labels.pdf" className="space-y-3">
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("devices.title")}</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{t("devices.selectColumn")}</span>
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("device.assetTag")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("device.model")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("device.type")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("device.status")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("device.department")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("devices.updated")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((device) => (
                  <tr key={device.id} className="border-t border-slate-100">
                    <td className="px-3 py-2">
                      <input type="checkbox" name="ids" value={device.id} id={`select-${device.id}`} className="h-4 w-4" />
                      <label htmlFor={`select-${device.id}`} className="sr-only">
                        {t("devices.select", { assetTag: device.assetTag })}
                      </label>
                    </td>
                    <td className="px-3 py-2 font-medium">
                      <Link to={`/devices/${device.id}`}>{device.assetTag}</Link>
                    </td>
                    <td className="px-3 py-2">
                      {device.manufacturer} {device.model}
                    </td>
                    <td className="px-3 py-2">{t(`deviceTypes.${device.type}`)}</td>
                    <td className="px-3 py-2">
                      <DeviceStatusBadge status={device.status} />
                    </td>
                    <td className="px-3 py-2">{device.departmentName}</td>
                    <td className="px-3 py-2">{formatDate(new Date(device.updatedAt), language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("devices.printLabels")}
          </button>
        </form>
      )}

      {pageCount > 1 ? (
        <nav aria-label={t("devices.pagination")} className="flex items-center justify-between gap-3">
          {page > 1 ? <Link to={pageLink(searchParams, page - 1)}>{t("devices.previous")}</Link> : <span />}
          <span className="text-sm">{t("devices.pageOf", { page, pageCount })}</span>
          {page < pageCount ? <Link to={pageLink(searchParams, page + 1)}>{t("devices.next")}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
