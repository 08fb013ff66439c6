// An uploaded inventory file: the preview (what Circuit understood of every row, a message on each field it
// cannot use), the questions it needs answered (columns, categories, date order), the commit, and the result.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { chooseImportOptions, chooseImportOptionsInput } from "~/commands/imports/choose-import-options.server";
import { importChoicesSchema, importDevices, type ImportRowResult } from "~/commands/imports/import-devices.server";
import { refusalReply } from "~/http/import-replies.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { columnChoices, headersKey } from "~/domain/device-import/columns";
import { CsvFormatError, parseCsv } from "~/domain/device-import/parse";
import { interpretImport } from "~/domain/device-import/rows";
import { dateOrders } from "~/domain/device-import/values";
import { deviceTypes } from "~/domain/devices";
import { mayEditRegistration } from "~/domain/lifecycle";
import { messageParts } from "~/forms/fields";
import { readForm } from "~/http/request-body.server";
import { pageTitle } from "~/i18n/meta";
import { getDeviceImport, rememberedColumns } from "~/models/device-import.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "imports.title");

const SHOWN_ROWS = 200;

function importIdOf(params: { importId?: string }): number {
  const id = Number(params.importId);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

const storedResultSchema = z.object({
  created: z.number(),
  unchanged: z.number(),
  updated: z.number(),
  refused: z.number(),
  refusedRows: z.array(z.object({ line: z.number(), fields: z.record(z.array(z.string())).optional() })),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "device.register");
  const actor = lifecycleActorOf(user);
  const stored = getDeviceImport(importIdOf(params));
  if (!stored) throw new Response("Not found", { status: 404 });
  if (!mayEditRegistration(actor, stored.departmentId)) throw new Response("Forbidden", { status: 403 });
  const file = { id: stored.id, name: stored.fileName || `#${stored.id}` };
  if (stored.status === "committed") {
    const result = storedResultSchema.parse(JSON.parse(stored.result ?? "{}"));
    return { file, committed: { ...result, refusedRows: result.refusedRows.length } as const, preview: null, problem: null };
  }
  const choices = importChoicesSchema.catch({}).parse(JSON.parse(stored.choices));
  let table;
  try {
    table = parseCsv(stored.csvText);
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    return { file, committed: null, preview: null, problem: "errors.import.unreadableFile" };
  }
  const { rows: _rows, ...interpretation } = interpretImport(table, choices, rememberedColumns(headersKey(table.headers)));
  const unknownColumns = new Set(interpretation.unknownColumns);
  const questions = {
    columns: interpretation.columns.filter((column) => unknownColumns.has(column.header) || column.source === "chosen"),
    categories: interpretation.categories.filter((category) => category.source !== "known"),
    dateQuestion: interpretation.dateQuestion || choices.dateOrder !== undefined,
    dateOrder: choices.dateOrder ?? interpretation.dateOrder,
    update: choices.update ?? false,
  };
  if (interpretation.missingSerialColumn) {
    return { file, committed: null, preview: { questions, outcome: null }, problem: "errors.import.missingSerialColumn" };
  }
  const dryRun = importDevices(actor, { importId: stored.id, dryRun: true });
  if (!dryRun.ok) return { file, committed: null, preview: { questions, outcome: null }, problem: refusalReply(dryRun).messageKey };
  const { rows, created, unchanged, updated, refused } = dryRun.value;
  const order = (row: ImportRowResult) => (row.status === "refused" || row.status === "different" ? 0 : 1);
  const shown = [...rows].sort((a, b) => order(a) - order(b) || a.line - b.line).slice(0, SHOWN_ROWS);
  return {
    file,
    committed: null,
    preview: { questions, outcome: { created, unchanged, updated, refused, total: rows.length, rows: shown } },
    problem: null,
  };
}

const choicesForm = z.object({ intent: z.enum(["choose", "commit"]) });

/** The selects' names: column:<header>, category:<value>; "" leaves a question open. */
function choicesFrom(form: FormData) {
  const columns: Record<string, string> = {};
  const categories: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value !== "string" || value === "") continue;
    if (name.startsWith("column:")) columns[name.slice(7)] = value;
    if (name.startsWith("category:")) categories[name.slice(9)] = value;
  }
  const dateOrder = form.get("dateOrder");
  return { columns, categories, dateOrder: typeof dateOrder === "string" && dateOrder !== "" ? dateOrder : undefined, update: form.get("update") === "on" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const importId = importIdOf(params);
  const form = await readForm(request);
  const intent = choicesForm.safeParse({ intent: form.get("intent") });
  if (!intent.success) return data({ problem: "errors.invalidInput" }, { status: 400 });
  const actor = lifecycleActorOf(user);
  return intent.data.intent === "choose" ? choose(actor, importId, form) : commit(actor, importId);
}

function choose(actor: ReturnType<typeof lifecycleActorOf>, importId: number, form: FormData) {
  const input = chooseImportOptionsInput.safeParse({ importId, ...choicesFrom(form) });
  if (!input.success) return data({ problem: "errors.invalidInput" }, { status: 400 });
  const result = chooseImportOptions(actor, input.data);
  if (!result.ok) return data({ problem: refusalReply(result).messageKey }, { status: refusalReply(result).status });
  return redirect(`/devices/import/${importId}`);
}

function commit(actor: ReturnType<typeof lifecycleActorOf>, importId: number) {
  const result = importDevices(actor, { importId });
  if (!result.ok) return data({ problem: refusalReply(result).messageKey }, { status: refusalReply(result).status });
  return redirect(`/devices/import/${importId}`);
}

function Problems({ fields }: { fields: Record<string, string[]> | undefined }) {
  const { t } = useTranslation();
  const entries = Object.entries(fields ?? {});
  if (entries.length === 0) return <span className="text-slate-600">{t("imports.noProblems")}</span>;
  return (
    <ul className="space-y-1">
      {entries.map(([field, messages]) => (
        <li key={field}>
          <strong>{t(`imports.fields.${field}`, { defaultValue: field })}:</strong>{" "}
          {messages
            .map((message) => {
              const { key, values } = messageParts(message);
              return t(key, values);
            })
            .join(" ")}
        </li>
      ))}
    </ul>
  );
}

function Understood({ row }: { row: ImportRowResult }) {
  const { t } = useTranslation();
  const device = row.device;
  if (!device) {
    const cells = Object.values(row.values ?? {}).filter((value) => value.trim() !== "");
    return <span className="text-slate-700">{cells.length > 0 ? cells.join(" · ") : "—"}</span>;
  }
  const parts = [
    device.assetTag,
    device.serial,
    [device.manufacturer, device.model].filter(Boolean).join(" "),
    device.type ? t(`deviceTypes.${device.type}`) : null,
    device.purchaseDate,
    device.purchasePriceCents !== null && device.purchasePriceCents !== undefined ? `€ ${(device.purchasePriceCents / 100).toFixed(2)}` : null,
  ].filter(Boolean);
  return <span>{parts.join(" · ")}</span>;
}

const selectClass = "block w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2";

export default function ImportPreviewPage() {
  const { t } = useTranslation();
  const { file, committed, preview, problem: loadedProblem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const problem = actionData?.problem ?? loadedProblem;

  if (committed) {
    return (
      <div className="max-w-4xl space-y-6">
        <PageHeading>{t("imports.doneTitle", { file: file.name })}</PageHeading>
        <Notice tone="success">
          <p>{t("imports.doneSummary", committed)}</p>
        </Notice>
        {committed.refusedRows > 0 ? (
          <Card>
            <p className="mb-3 text-slate-700">{t("imports.refusedHint")}</p>
            <a href={`/devices/import/${file.id}/refused.csv`} className={buttonClass("secondary")} download>
              {t("imports.downloadRefused")}
            </a>
          </Card>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Link to="/devices" className={buttonClass("primary")}>
            {t("imports.toDevices")}
          </Link>
          <Link to="/devices/import" className={buttonClass("secondary")}>
            {t("imports.importAnother")}
          </Link>
        </div>
      </div>
    );
  }

  const questions = preview?.questions;
  const outcome = preview?.outcome;
  const hasDifferences = outcome?.rows.some((row) => row.status === "different" || row.status === "updated") ?? false;
  const hasQuestions = questions && (questions.columns.length > 0 || questions.categories.length > 0 || questions.dateQuestion || hasDifferences);
  return (
    <div className="space-y-6">
      <PageHeading>{t("imports.previewTitle", { file: file.name })}</PageHeading>
      <p className="max-w-3xl text-slate-700">{t("imports.previewIntro")}</p>
      {problem ? (
        <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-950">
          <p>{t(problem)}</p>
        </div>
      ) : null}
      {outcome ? (
        <Notice>
          <p>{t("imports.previewSummary", outcome)}</p>
        </Notice>
      ) : null}

      {questions && hasQuestions ? (
        <Form method="post" className="space-y-6">
          <input type="hidden" name="intent" value="choose" />
          {questions.columns.length > 0 ? (
            <Card title={t("imports.mappingTitle")}>
              <p className="mb-4 text-slate-700">{t("imports.mappingIntro")}</p>
              <div className="grid gap-4 sm:grid-cols-2">
                {questions.columns.map((column) => (
                  <div key={column.index} className="space-y-1">
                    <label htmlFor={`column-${column.index}`} className="block font-medium text-slate-900">
                      {t("imports.columnLabel", { header: column.header })}
                    </label>
                    <select id={`column-${column.index}`} name={`column:${column.header}`} defaultValue={column.choice ?? ""} className={selectClass}>
                      <option value="">{t("imports.chooseField")}</option>
                      {columnChoices.map((choice) => (
                        <option key={choice} value={choice}>
                          {choice === "ignore" ? t("imports.ignore") : t(`imports.fields.${choice}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </div>
            </Card>
          ) : null}
          {questions.categories.length > 0 ? (
            <Card title={t("imports.categoriesTitle")}>
              <p className="mb-4 text-slate-700">{t("imports.categoriesIntro")}</p>
              <div className="grid gap-4 sm:grid-cols-2">
                {questions.categories.map((category, index) => (
                  <div key={category.value} className="space-y-1">
                    <label htmlFor={`category-${index}`} className="block font-medium text-slate-900">
                      {t("imports.categoryLabel", { value: category.value, count: category.rows })}
                    </label>
                    <select id={`category-${index}`} name={`category:${category.value}`} defaultValue={category.type ?? ""} className={selectClass}>
                      <option value="">{t("imports.chooseType")}</option>
                      {deviceTypes.map((type) => (
                        <option key={type} value={type}>
                          {t(`deviceTypes.${type}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </div>
            </Card>
          ) : null}
          {questions.dateQuestion ? (
            <Card title={t("imports.dateTitle")}>
              <fieldset>
                <legend className="mb-3 text-slate-700">{t("imports.dateIntro")}</legend>
                <div className="space-y-2">
                  {dateOrders.map((order) => (
                    <label key={order} className="flex items-center gap-2">
                      <input type="radio" name="dateOrder" value={order} defaultChecked={questions.dateOrder === order} />
                      {t(`imports.dateOrders.${order}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            </Card>
          ) : null}
          {hasDifferences ? (
            <label className="flex items-center gap-2">
              <input type="checkbox" name="update" defaultChecked={questions.update} />
              {t("imports.updateLabel")}
            </label>
          ) : null}
          <button type="submit" className={buttonClass("secondary")}>
            {t("imports.applyChoices")}
          </button>
        </Form>
      ) : null}

      {outcome ? (
        <Card title={t("imports.rowsTitle")}>
          {outcome.total === 0 ? (
            <p className="text-slate-700">{t("imports.noRows")}</p>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-700">{t("imports.rowsShown", { shown: outcome.rows.length, total: outcome.total })}</p>
              {/* Focusable so that keyboard users can scroll a wide table sideways. */}
              <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("imports.rowsTitle")}>
                <table className="min-w-full text-left text-sm">
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="py-2 pr-3">
                        {t("imports.line")}
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        {t("imports.result")}
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        {t("imports.understood")}
                      </th>
                      <th scope="col" className="py-2">
                        {t("imports.problems")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {outcome.rows.map((row) => (
                      <tr key={row.line} className="border-b border-slate-200 align-top">
                        <td className="py-2 pr-3">{row.line}</td>
                        <td className="py-2 pr-3 font-medium">{t(`imports.statuses.${row.status}`)}</td>
                        <td className="py-2 pr-3">
                          <Understood row={row} />
                        </td>
                        <td className="py-2">
                          <Problems fields={row.fields} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Card>
      ) : null}

      {outcome ? (
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="commit" />
          {outcome.created + outcome.updated > 0 ? (
            <button type="submit" className={buttonClass("primary")}>
              {t("imports.commit")}
            </button>
          ) : (
            <p className="text-slate-700">{t("imports.commitNothing")}</p>
          )}
        </Form>
      ) : null}
      <p>
        <Link to="/devices/import" className="text-emerald-800 underline">
          {t("imports.importAnother")}
        </Link>
      </p>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
