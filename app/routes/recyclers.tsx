import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { addRecycler } from "~/commands/organizations/add-recycler.server";
import { updateRecycler } from "~/commands/organizations/update-recycler.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass, FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, EmptyState, PageHeading } from "~/components/ui/page";
import type { UserActor } from "~/domain/lifecycle";
import { addRecyclerInput, updateRecyclerInput } from "~/forms/recycler";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { pageTitle } from "~/i18n/meta";
import { listRecyclers, type Recycler } from "~/models/organization.server";

type FormResult = SubmissionResult<string[]> | null | undefined;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "recyclers.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "recycler.manage");
  return { recyclers: listRecyclers() };
}

type IntentArgs = { formData: FormData; actor: UserActor };

function add({ formData, actor }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: addRecyclerInput });
  if (submission.status !== "success") return data({ intent: "add" as const, result: submission.reply(), refusal: null }, { status: 400 });
  const result = addRecycler(actor, submission.value);
  if (!result.ok) return intentRefusal("add", result, submission);
  return redirectWithFlash("/recyclers", { key: "flash.recyclerAdded", values: { name: result.value.name } });
}

function update({ formData, actor }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: updateRecyclerInput });
  if (submission.status !== "success") return data({ intent: "update" as const, result: submission.reply(), refusal: null }, { status: 400 });
  const result = updateRecycler(actor, submission.value);
  if (!result.ok) return intentRefusal("update", result, submission);
  const { name, accreditationNumber } = result.value;
  return redirectWithFlash("/recyclers", { key: "flash.recyclerUpdated", values: { name, accreditationNumber: accreditationNumber ?? "" } });
}

/** Each form on the page names its intent; each intent has one handler, which calls one command. */
const intentHandlers = { add, update };

function isIntent(value: FormDataEntryValue | null): value is keyof typeof intentHandlers {
  return typeof value === "string" && Object.hasOwn(intentHandlers, value);
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = lifecycleActorOf(await requireUser(request));
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw data({ reason: "bad-request" }, { status: 400 });
  return intentHandlers[intent]({ formData, actor });
}

function AddRecyclerForm({ lastResult }: { lastResult: FormResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "add-recycler",
    lastResult,
    constraint: getZodConstraint(addRecyclerInput),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addRecyclerInput }),
    // Errors clear while typing: cleared on blur instead, the form would shift under the pointer as the submit button is pressed.
    shouldRevalidate: "onInput",
  });
  return (
    <ValidatedForm form={form} className="grid gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <FormErrors id={form.errorId} errors={form.errors} />
      </div>
      <input type="hidden" name="intent" value="add" />
      <TextField meta={fields.name} label={t("recyclers.name")} autoComplete="off" />
      <TextField meta={fields.accreditationNumber} label={t("recyclers.accreditationNumber")} hint={t("recyclers.accreditationHint")} autoComplete="off" />
      <div className="md:col-span-2">
        <SubmitButton>{t("recyclers.add")}</SubmitButton>
      </div>
    </ValidatedForm>
  );
}

function UpdateAccreditationForm({ recycler, lastResult }: { recycler: Recycler; lastResult: FormResult }) {
  const { t } = useTranslation();
  // Stays open once open: its errors come and go as the reader types, the form must not close under them.
  const [opened, setOpened] = useState(false);
  const [form, fields] = useForm({
    id: `update-recycler-${recycler.id}`,
    lastResult,
    constraint: getZodConstraint(updateRecyclerInput),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateRecyclerInput }),
    // Errors clear while typing: cleared on blur instead, the form would shift under the pointer as the submit button is pressed.
    shouldRevalidate: "onInput",
    defaultValue: { accreditationNumber: recycler.accreditationNumber ?? "" },
  });
  return (
    <details open={opened || form.status === "error"} onToggle={(event) => setOpened(event.currentTarget.open)}>
      <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("recyclers.change", { name: recycler.name })}</summary>
      <ValidatedForm form={form} className="mt-2 max-w-md space-y-3">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="recyclerId" value={recycler.id} />
        <TextField meta={fields.accreditationNumber} label={t("recyclers.newAccreditationNumber", { name: recycler.name })} autoComplete="off" />
        <SubmitButton>{t("recyclers.save")}</SubmitButton>
      </ValidatedForm>
    </details>
  );
}

export default function RecyclersPage() {
  const { t } = useTranslation();
  const { recyclers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const updatedId = actionData?.intent === "update" ? Number(actionData.result?.initialValue?.recyclerId) : null;
  return (
    <div className="space-y-6">
      <PageHeading>{t("recyclers.title")}</PageHeading>
      <p className="max-w-3xl text-slate-700">{t("recyclers.intro")}</p>
      {actionData?.refusal ? (
        <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
          {t(actionData.refusal)}
        </div>
      ) : null}
      <Card title={t("recyclers.newTitle")}>
        <AddRecyclerForm lastResult={actionData?.intent === "add" ? actionData.result : undefined} />
      </Card>
      <Card title={t("recyclers.listTitle")}>
        {recyclers.length === 0 ? (
          <EmptyState>{t("recyclers.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {recyclers.map((recycler) => (
              <li key={recycler.id} className="space-y-2 py-4">
                <h3 className="text-lg font-semibold">{recycler.name}</h3>
                <dl className="grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
                  <dt className="text-slate-700">{t("recyclers.accreditationNumber")}</dt>
                  <dd className="font-mono">{recycler.accreditationNumber ?? "—"}</dd>
                </dl>
                <UpdateAccreditationForm recycler={recycler} lastResult={updatedId === recycler.id ? actionData?.result : undefined} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
