import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { fileRequest } from "~/commands/requests/file-request.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { RubricScale } from "~/components/priority-rubric";
import { CheckboxField, ErrorSummary, fieldsInOrder, SelectField, SubmitButton, TextAreaField, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, PageHeading } from "~/components/ui/page";
import { requestPrefillOf } from "~/domain/catalogue";
import { deviceTypes } from "~/domain/devices";
import { rubricKindOf, rubricPriority, type RubricAnswers, type RubricKind } from "~/domain/priority-rubric";
import { requesterKindOf } from "~/domain/requests";
import { keyboardLayouts } from "~/forms/device";
import { fileRequestFormInput } from "~/forms/request";
import { redirectWithFlash } from "~/http/flash.server";
import { formRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "requests.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "request.create");
  // "Ask for one like this" in the catalogue links here with the card's type and specs as minimums.
  return {
    isEmployee: requesterKindOf(user.role) === "employee",
    // A school or nonprofit answers the priority rubric's questions for its kind; an employee none.
    rubricKind: rubricKindOf(user.role, user.organization.kind),
    prefill: requestPrefillOf(new URL(request.url).searchParams),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: fileRequestFormInput(rubricKindOf(user.role, user.organization.kind)) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const filed = fileRequest(lifecycleActorOf(user), submission.value);
  if (!filed.ok) return formRefusal(submission, filed);
  return redirectWithFlash("/requests", { key: "flash.requestFiled", values: { id: String(filed.value.id) } });
}

export default function NewRequestPage() {
  const { t } = useTranslation();
  const { isEmployee, rubricKind, prefill } = useLoaderData<typeof loader>();
  const schema = fileRequestFormInput(rubricKind);
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "request",
    lastResult,
    defaultValue: { quantity: "1", minRamGb: "4", minStorageGb: "128", keyboardLayout: "any", ...prefill },
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeading>{t("requests.newTitle")}</PageHeading>
      <p className="text-slate-700">{isEmployee ? t("requests.newIntroEmployee") : t("requests.newIntro")}</p>
      <Card>
        <ValidatedForm form={form} className="grid gap-4 md:grid-cols-2">
          <div className="md:col-span-2">
            <ErrorSummary
              formId={form.id}
              fields={fieldsInOrder([
                ["type", t("device.type")],
                ["quantity", t("requests.quantity")],
                ["minRamGb", t("requests.minRamGb")],
                ["minStorageGb", t("requests.minStorageGb")],
                ["minScreenInches", t("requests.minScreenInches")],
                ["keyboardLayout", t("device.keyboardLayout")],
                ["beneficiaries", t("requests.beneficiariesLabel")],
                ["neededBy", t("requests.neededByLabel")],
                ["purpose", t("requests.purpose")],
                ["pupilsWithoutDevice", t("requests.rubric.questions.pupilsWithoutDevice")],
                ["disadvantagedSharePercent", t("requests.rubric.questions.disadvantagedSharePercent")],
                ["peopleServed", t("requests.rubric.questions.peopleServed")],
              ])}
            />
          </div>
          <SelectField
            meta={fields.type}
            label={t("device.type")}
            placeholder={t("forms.choose")}
            options={deviceTypes.map((type) => ({ value: type, label: t(`deviceTypes.${type}`) }))}
          />
          <TextField
            meta={fields.quantity}
            label={t("requests.quantity")}
            type="number"
            readOnly={isEmployee}
            hint={isEmployee ? t("requests.employeeOne") : undefined}
          />
          <TextField meta={fields.minRamGb} label={t("requests.minRamGb")} type="number" />
          <TextField meta={fields.minStorageGb} label={t("requests.minStorageGb")} type="number" />
          <TextField meta={fields.minScreenInches} label={t("requests.minScreenInches")} type="number" hint={t("requests.optional")} />
          <SelectField
            meta={fields.keyboardLayout}
            label={t("device.keyboardLayout")}
            options={[{ value: "any", label: t("requests.anyLayout") }, ...keyboardLayouts.map((layout) => ({ value: layout, label: layout }))]}
          />
          <TextField meta={fields.beneficiaries} label={t("requests.beneficiariesLabel")} type="number" />
          <TextField meta={fields.neededBy} label={t("requests.neededByLabel")} type="date" />
          <div className="md:col-span-2">
            <TextAreaField meta={fields.purpose} label={t("requests.purpose")} hint={t("requests.purposeHint")} />
          </div>
          {rubricKind ? (
            <fieldset className="space-y-3 rounded-md border border-slate-300 p-4 md:col-span-2">
              <legend className="px-1 font-semibold text-slate-900">{t("requests.rubricTitle")}</legend>
              <p className="text-sm text-slate-700">{t("requests.rubricFormIntro")}</p>
              {rubricKind === "school" ? (
                <div className="grid gap-4 md:grid-cols-2">
                  <TextField meta={fields.pupilsWithoutDevice} label={t("requests.rubric.questions.pupilsWithoutDevice")} type="number" />
                  <TextField meta={fields.disadvantagedSharePercent} label={t("requests.rubric.questions.disadvantagedSharePercent")} type="number" />
                </div>
              ) : (
                <div className="grid gap-4 md:grid-cols-2">
                  <TextField meta={fields.peopleServed} label={t("requests.rubric.questions.peopleServed")} type="number" />
                  <CheckboxField meta={fields.vulnerable} label={t("requests.rubric.questions.vulnerable")} />
                </div>
              )}
              <RubricScale kinds={[rubricKind]} />
              <ComputedPriority
                kind={rubricKind}
                values={{
                  pupilsWithoutDevice: fields.pupilsWithoutDevice.value,
                  disadvantagedSharePercent: fields.disadvantagedSharePercent.value,
                  peopleServed: fields.peopleServed.value,
                  vulnerable: fields.vulnerable.value,
                  neededBy: fields.neededBy.value,
                }}
              />
            </fieldset>
          ) : null}
          <div>
            <SubmitButton>{t("requests.submit")}</SubmitButton>
          </div>
        </ValidatedForm>
      </Card>
    </div>
  );
}

/** The priority the published rubric gives the answers so far, as the requester types them. */
function ComputedPriority({ kind, values }: { kind: RubricKind; values: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const whole = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : null);
  const [pupils, share, people] = [whole(values.pupilsWithoutDevice), whole(values.disadvantagedSharePercent), whole(values.peopleServed)];
  let answers: RubricAnswers | null = null;
  if (kind === "school" && pupils !== null && share !== null) answers = { kind, pupilsWithoutDevice: pupils, disadvantagedSharePercent: share };
  if (kind === "nonprofit" && people !== null) answers = { kind, peopleServed: people, vulnerable: values.vulnerable === "on" };
  const today = new Date().toISOString().slice(0, 10);
  return (
    <p className="rounded-md bg-slate-100 p-3 text-sm font-semibold text-slate-900" aria-live="polite">
      {answers
        ? t("requests.rubricComputed", { priority: rubricPriority(answers, { filedOn: today, neededBy: values.neededBy ?? "" }).priority })
        : t("requests.rubricComputedPending")}
    </p>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
