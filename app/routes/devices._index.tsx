import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { bulkCollectDevices, bulkListDevices, type BulkDeviceOutcome, type BulkTransitionResult } from "~/commands/devices/bulk-transition.server";
import { refusalAnswer } from "~/commands/refusals";
import { DeviceStatusBadge } from "~/components/device-status";
import { RouteErrorBoundary } from "~/components/error-page";
import { focusAfterNavigation } from "~/components/ui/focus";
import { buttonClass } from "~/components/ui/form";
import { EmptyState, PageHeading } from "~/components/ui/page";
import { deviceTypes } from "~/domain/devices";
import { conditionGrades, deviceStatuses, type DeviceStatus } from "~/domain/lifecycle";
import { can } from "~/domain/permissions";
import { bulkCollectInput, bulkListInput, selectedDeviceIds } from "~/forms/bulk-device-actions";
import { deviceListQuerySchema, deviceSortKeys, searchParamsObject } from "~/forms/device";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
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
    canCollect: can(actor, "device.collect"),
    canList: can(actor, "device.list"),
  };
}

type BulkIntent = "collect" | "list";

/** One refused device, as the page says it: its tag (or number, when the person may not see it) and why. */
type RefusedLine = { deviceId: number; assetTag: string | null; status: DeviceStatus | null; messageKey: string };

function refusedLine(outcome: Extract<BulkDeviceOutcome, { ok: false }>): RefusedLine {
  const { refusal } = outcome;
  const status = refusal.reason === "invalid-state" ? refusal.status : null;
  return { deviceId: outcome.deviceId, assetTag: outcome.assetTag, status, messageKey: refusalAnswer(refusal).messageKey };
}

/** Tags for the confirmation: the first ten, then how many more (the message travels in a cookie). */
function tagList(outcomes: BulkDeviceOutcome[]): string {
  const tags = outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.assetTag ?? `#${outcome.deviceId}`);
  return tags.length > 10 ? `${tags.slice(0, 10).join(", ")} … (+${tags.length - 10})` : tags.join(", ");
}

/**
 * Everything done: back to the list (its filters kept) with a confirmation. Anything refused: the
 * page again, with a line per refused device and those devices still selected.
 */
function bulkAnswer(intent: BulkIntent, result: BulkTransitionResult, returnTo: string, grade: string | null) {
  if (result.refused === 0) {
    const values = { count: String(result.succeeded), assetTags: tagList(result.outcomes), grade: grade ?? "" };
    return redirectWithFlash(returnTo, { key: intent === "collect" ? "flash.devicesCollected" : "flash.devicesListed", values });
  }
  const refused = result.outcomes.flatMap((outcome) => (outcome.ok ? [] : [refusedLine(outcome)]));
  const statuses = new Set(result.outcomes.flatMap((outcome) => (outcome.ok ? [] : [refusalAnswer(outcome.refusal).status])));
  const status = result.succeeded > 0 ? 200 : statuses.size === 1 ? [...statuses][0]! : 409;
  return data({ intent, errors: null, refusal: null, succeeded: result.succeeded, grade, refused }, { status });
}

function invalidBulk(intent: BulkIntent, errors: string[]) {
  return data({ intent, errors, refusal: null, succeeded: 0, grade: null, refused: [] as RefusedLine[] }, { status: 400 });
}

function returnPath(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return `/devices${url.searchParams.size > 0 ? `?${url.searchParams}` : ""}`;
}

function collectSelected(actor: Parameters<typeof bulkCollectDevices>[0], deviceIds: number[], returnTo: string) {
  const input = bulkCollectInput.safeParse({ deviceIds });
  if (!input.success) return invalidBulk("collect", [...new Set(input.error.issues.map((issue) => issue.message))]);
  const result = bulkCollectDevices(actor, input.data);
  if (!result.ok) return intentRefusal("collect", result);
  return bulkAnswer("collect", result.value, returnTo, null);
}

function listSelected(actor: Parameters<typeof bulkListDevices>[0], deviceIds: number[], grade: FormDataEntryValue | null, returnTo: string) {
  const input = bulkListInput.safeParse({ deviceIds, grade: grade || undefined });
  if (!input.success) return invalidBulk("list", [...new Set(input.error.issues.map((issue) => issue.message))]);
  const result = bulkListDevices(actor, input.data);
  if (!result.ok) return intentRefusal("list", result);
  return bulkAnswer("list", result.value, returnTo, input.data.grade);
}

/** The bulk actions: one command call per request, each device with its own result (app/commands/devices/bulk-transition.server.ts). */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireRegistryScope(request);
  const formData = await readForm(request);
  const deviceIds = selectedDeviceIds(formData.getAll("ids"));
  const intent = formData.get("intent");
  if (intent === "collect") return collectSelected(actor, deviceIds, returnPath(request));
  if (intent === "list") return listSelected(actor, deviceIds, formData.get("grade"), returnPath(request));
  throw data({ reason: "bad-request" }, { status: 400 });
}

/** The list's filters without its paging: the export takes every matching device. */
function exportParams(searchParams: URLSearchParams): string {
  const params = new URLSearchParams(searchParams);
  params.delete("page");
  params.delete("pageSize");
  return params.toString();
}

function pageLink(searchParams: URLSearchParams, page: number): string {
  const next = new URLSearchParams(searchParams);
  next.set("page", String(page));
  return `?${next}`;
}

/** The filters, folded behind a button (a <details>, so it works without JavaScript); unfolded on wide screens once scripts run. */
function DeviceFilters({ departments }: { departments: { id: number; name: string }[] | null }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const filterSelectClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900";
  const active = ["q", "status", "type", "departmentId"].filter((name) => (searchParams.get(name) ?? "") !== "").length;
  useEffect(() => {
    if (detailsRef.current && window.matchMedia("(min-width: 640px)").matches) detailsRef.current.open = true;
  }, []);
  return (
    <details ref={detailsRef} className="group rounded-lg border border-slate-200 bg-white">
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-4 py-2 font-semibold text-slate-900 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 transition-transform group-open:rotate-90" fill="currentColor">
          <path d="M7 4l6 6-6 6z" />
        </svg>
        {t("devices.showFilters")}{" "}
        {active > 0 ? <span className="text-sm font-normal text-slate-700">({t("devices.activeFilters", { count: active })})</span> : null}
      </summary>
      <Form method="get" className="grid gap-3 border-t border-slate-200 p-4 md:grid-cols-6" aria-label={t("devices.filters")}>
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
    </details>
  );
}

/** What the last bulk action did: how many went through, and each refused device with its reason. */
function BulkResult() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  if (!actionData || !("refused" in actionData) || actionData.refused.length === 0) return null;
  const { intent, succeeded, grade, refused } = actionData;
  const done = intent === "collect" ? t("devices.bulk.collected", { count: succeeded }) : t("devices.bulk.listed", { count: succeeded, grade: grade ?? "" });
  return (
    <div role="alert" {...focusAfterNavigation} tabIndex={-1} className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
      <h2 className="font-semibold">{t("devices.bulk.resultTitle")}</h2>
      <p className="mt-1">
        {done}; {t("devices.bulk.refused", { count: refused.length })}.
      </p>
      <ul className="mt-2 list-disc pl-5">
        {refused.map((line) => {
          const device = line.assetTag ?? t("devices.bulk.unknownDevice", { id: line.deviceId });
          return (
            <li key={line.deviceId}>
              {line.status
                ? t("devices.bulk.refusedInState", { device, status: t(`deviceStatuses.${line.status}`) })
                : t("devices.bulk.refusedBecause", { device, message: t(line.messageKey) })}
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-sm">{t("devices.bulk.stillSelected")}</p>
    </div>
  );
}

function BulkErrors() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const messages = actionData ? ("errors" in actionData && actionData.errors ? actionData.errors : actionData.refusal ? [actionData.refusal] : []) : [];
  if (messages.length === 0) return null;
  return (
    <div id="bulk-errors" role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
      {messages.map((message) => (
        <p key={message}>{t(message)}</p>
      ))}
    </div>
  );
}

/** The devices a refused bulk action leaves selected (so the person can act on them again). */
function useInitialSelection(): number[] {
  const actionData = useActionData<typeof action>();
  return actionData && "refused" in actionData ? actionData.refused.map((line) => line.deviceId) : [];
}

export default function DevicesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { items, total, page, pageCount, departments, canRegister, canCollect, canList } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const filtering = navigation.state === "loading" && navigation.location.pathname === "/devices";
  const initialSelection = useInitialSelection();
  const [selected, setSelected] = useState<Set<number>>(() => new Set(initialSelection));
  const [hydrated, setHydrated] = useState(false);
  const selectAllRef = useRef<HTMLInputElement>(null);
  const pageIds = items.map((device) => device.id);
  const selectedOnPage = pageIds.filter((id) => selected.has(id)).length;
  const allSelected = pageIds.length > 0 && selectedOnPage === pageIds.length;

  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = selectedOnPage > 0 && !allSelected;
  }, [selectedOnPage, allSelected]);
  // A new page of the list starts with nothing selected but what a refused action left.
  const pageKey = pageIds.join(",");
  const initialKey = initialSelection.join(",");
  useEffect(() => setSelected(new Set(initialKey ? initialKey.split(",").map(Number) : [])), [pageKey, initialKey]);

  const toggle = (id: number) => (event: ChangeEvent<HTMLInputElement>) =>
    setSelected((current) => {
      const next = new Set(current);
      if (event.target.checked) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggleAll = (event: ChangeEvent<HTMLInputElement>) => setSelected(event.target.checked ? new Set(pageIds) : new Set());

  return (
    <div className="space-y-4 sm:space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageHeading>{t("devices.title")}</PageHeading>
        <div className="flex flex-wrap gap-2">
          <a href={`/devices/export.csv?${exportParams(searchParams)}`} className={buttonClass("secondary")} download>
            {t("imports.exportDevices")}
          </a>
          {departments ? (
            <a href="/custody/export.csv" className={buttonClass("secondary")} download>
              {t("imports.exportLedger")}
            </a>
          ) : null}
        </div>
        {canRegister ? (
          <div className="flex flex-wrap gap-2">
            <Link to="/devices/import" className={buttonClass("secondary")}>
              {t("imports.link")}
            </Link>
            <Link to="/devices/new" className={buttonClass("primary")}>
              {t("devices.register")}
            </Link>
          </div>
        ) : null}
      </div>

      <DeviceFilters departments={departments} />

      <p role="status" {...focusAfterNavigation} tabIndex={-1} className="text-sm text-slate-700">
        {filtering ? t("devices.loading") : t("devices.count", { count: total, formatted: formatNumber(total, language) })}
      </p>

      <BulkResult />

      {items.length === 0 ? (
        <EmptyState>{canRegister ? t("devices.emptyCanRegister") : t("devices.empty")}</EmptyState>
      ) : (
        // A document submission: the label sheet is a PDF the browser opens itself, and without JavaScript every button works the same.
        <Form method="post" reloadDocument className="space-y-3">
          <div className="flex min-h-11 items-center gap-2 px-1">
            <input
              ref={selectAllRef}
              type="checkbox"
              name="ids"
              value={pageIds.join(",")}
              id="select-all"
              checked={allSelected}
              onChange={toggleAll}
              className="h-5 w-5 rounded border-slate-400"
            />
            <label htmlFor="select-all" className="text-sm font-medium text-slate-900">
              {t("devices.selectAll")}
            </label>
          </div>
          <div className="sm:overflow-x-auto sm:rounded-lg sm:border sm:border-slate-200 sm:bg-white">
            <table className="block w-full text-left text-sm sm:table">
              <caption className="sr-only">{t("devices.title")}</caption>
              <thead className="hidden bg-slate-50 sm:table-header-group">
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
              <tbody className="block space-y-3 sm:table-row-group sm:space-y-0">
                {items.map((device) => (
                  // Below 640 px each row is a card: tag and status on top, model, type and department under them.
                  <tr
                    key={device.id}
                    data-testid="device-row"
                    className="grid grid-cols-[auto_1fr_auto] items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 sm:table-row sm:rounded-none sm:border-0 sm:border-t sm:border-slate-100 sm:p-0"
                  >
                    <td className="row-span-3 self-start sm:table-cell sm:px-3 sm:py-2">
                      <input
                        type="checkbox"
                        name="ids"
                        value={device.id}
                        id={`select-${device.id}`}
                        checked={selected.has(device.id)}
                        onChange={toggle(device.id)}
                        className="mt-0.5 h-5 w-5 rounded border-slate-400 sm:h-4 sm:w-4"
                      />
                      <label htmlFor={`select-${device.id}`} className="sr-only">
                        {t("devices.select", { assetTag: device.assetTag })}
                      </label>
                    </td>
                    <td className="font-semibold sm:table-cell sm:px-3 sm:py-2 sm:font-medium">
                      <Link to={`/devices/${device.id}`}>{device.assetTag}</Link>
                    </td>
                    <td className="col-start-2 row-start-2 sm:table-cell sm:px-3 sm:py-2">
                      {device.manufacturer} {device.model}
                    </td>
                    <td className="col-start-2 row-start-3 text-xs text-slate-700 sm:table-cell sm:px-3 sm:py-2 sm:text-sm sm:text-slate-900">
                      {t(`deviceTypes.${device.type}`)}
                      <span className="sm:hidden"> · {device.departmentName}</span>
                    </td>
                    <td className="col-start-3 row-start-1 justify-self-end sm:table-cell sm:px-3 sm:py-2">
                      <DeviceStatusBadge status={device.status} />
                    </td>
                    <td className="hidden sm:table-cell sm:px-3 sm:py-2">{device.departmentName}</td>
                    <td className="hidden sm:table-cell sm:px-3 sm:py-2">{formatDate(new Date(device.updatedAt), language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* With something selected the actions stay in view at the bottom of a phone's screen while the list scrolls. */}
          <fieldset
            className={`min-w-0 rounded-lg border border-slate-300 bg-white p-3 ${selected.size > 0 ? "sticky bottom-0 z-10 shadow-[0_-2px_8px_rgba(15,23,42,0.15)] sm:static sm:shadow-none" : ""}`}
          >
            <legend className="sr-only">{t("devices.bulk.title")}</legend>
            <BulkErrors />
            <div className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap">
              {hydrated ? (
                <p aria-live="polite" className="col-span-2 text-sm font-medium text-slate-800 sm:mr-2 sm:self-center">
                  {t("devices.bulk.selectedCount", { count: selected.size })}
                </p>
              ) : null}
              {canCollect ? (
                <button type="submit" name="intent" value="collect" className={`${buttonClass("secondary")} h-full px-3 leading-tight`}>
                  {t("devices.bulk.collect")}
                </button>
              ) : null}
              <button
                type="submit"
                formMethod="get"
                formAction="/devices/labels.pdf"
                className={`${buttonClass("secondary")} h-full px-3 leading-tight ${canCollect ? "" : "col-span-2"}`}
              >
                {t("devices.printLabels")}
              </button>
              {canList ? (
                <>
                  <div className="sm:ml-auto">
                    <label htmlFor="bulk-grade" className="block text-xs font-semibold text-slate-800">
                      {t("devices.bulk.grade")}
                    </label>
                    <select
                      id="bulk-grade"
                      name="grade"
                      defaultValue=""
                      className="mt-0.5 block w-full rounded-md border border-slate-400 bg-white px-2 py-2 text-sm text-slate-900"
                    >
                      <option value="">{t("forms.choose")}</option>
                      {conditionGrades.map((grade) => (
                        <option key={grade} value={grade}>
                          {t(`grades.${grade}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" name="intent" value="list" className={`${buttonClass("secondary")} px-3 leading-tight`}>
                    {t("devices.bulk.list")}
                  </button>
                </>
              ) : null}
            </div>
          </fieldset>
        </Form>
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
