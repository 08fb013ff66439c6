import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actorOf, lifecycleActorOf, requireUser } from "~/auth/guards.server";
import { approveRequest } from "~/commands/requests/approve-request.server";
import { cancelRequest } from "~/commands/requests/cancel-request.server";
import { rejectRequest } from "~/commands/requests/reject-request.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass, FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, EmptyState, PageHeading } from "~/components/ui/page";
import type { UserActor } from "~/domain/lifecycle";
import { can } from "~/domain/permissions";
import { rubricAnswersInWords, RubricScale } from "~/components/priority-rubric";
import { parseRubricAnswers } from "~/domain/priority-rubric";
import { canCancel } from "~/domain/requests";
import { requestScopeOf } from "~/domain/scope";
// The commands' input schemas, from the module the browser can load too (the forms validate with them).
import { approveRequestInput, cancelRequestInput, rejectRequestInput } from "~/forms/request";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { listRequests, type RequestView } from "~/models/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "requests.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = requestScopeOf(lifecycleActorOf(user));
  if (scope.kind === "none") throw data({ reason: "forbidden" }, { status: 403 });
  return { requests: listRequests(scope).items, mayReview: can(actorOf(user), "request.review"), mayFile: can(actorOf(user), "request.create") };
}

/** A form that did not parse answers next to its fields, on the card of the request it was about. */
function invalidForm(intent: "approve" | "reject", requestId: FormDataEntryValue | null, result: SubmissionResult<string[]>) {
  return data({ intent, requestId: Number(requestId), result, refusal: null }, { status: 400 });
}

function cancel(actor: UserActor, formData: FormData) {
  const submission = parseWithZod(formData, { schema: cancelRequestInput });
  if (submission.status !== "success") throw data({ reason: "bad-request" }, { status: 400 });
  const result = cancelRequest(actor, submission.value);
  if (!result.ok) return intentRefusal("cancel", result);
  return redirectWithFlash("/requests", { key: "flash.requestCancelled", values: { id: String(result.value.id) } });
}

function approve(actor: UserActor, formData: FormData) {
  const submission = parseWithZod(formData, { schema: approveRequestInput });
  if (submission.status !== "success") return invalidForm("approve", formData.get("requestId"), submission.reply());
  const result = approveRequest(actor, submission.value);
  // A changed priority without a reason answers next to the field, on this request's card.
  if (!result.ok && result.reason === "invalid-input")
    return invalidForm("approve", formData.get("requestId"), submission.reply({ fieldErrors: result.fields }));
  if (!result.ok) return intentRefusal("approve", result);
  return redirectWithFlash("/requests", { key: "flash.requestApproved", values: { id: String(result.value.id) } });
}

function reject(actor: UserActor, formData: FormData) {
  const submission = parseWithZod(formData, { schema: rejectRequestInput });
  if (submission.status !== "success") return invalidForm("reject", formData.get("requestId"), submission.reply());
  const result = rejectRequest(actor, submission.value);
  if (!result.ok) return intentRefusal("reject", result);
  return redirectWithFlash("/requests", { key: "flash.requestRejected", values: { id: String(result.value.id) } });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = lifecycleActorOf(await requireUser(request));
  const formData = await readForm(request);
  switch (formData.get("intent")) {
    case "cancel":
      return cancel(actor, formData);
    case "approve":
      return approve(actor, formData);
    case "reject":
      return reject(actor, formData);
    default:
      throw data({ reason: "bad-request" }, { status: 400 });
  }
}

function ReviewForms({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const mine = actionData !== undefined && "requestId" in actionData && actionData.requestId === request.id;
  // The rubric's priority is the proposal; an employee's request starts at 0 (schools and nonprofits come first).
  const proposedPriority = request.rubricPriority ?? (request.requesterKind === "employee" ? 0 : undefined);
  const [approveForm, approveFields] = useForm({
    id: `approve-${request.id}`,
    defaultValue: { priority: proposedPriority === undefined ? undefined : String(proposedPriority) },
    lastResult: mine && actionData?.intent === "approve" ? actionData.result : undefined,
    constraint: getZodConstraint(approveRequestInput),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: approveRequestInput }),
  });
  const [rejectForm, rejectFields] = useForm({
    id: `reject-${request.id}`,
    lastResult: mine && actionData?.intent === "reject" ? actionData.result : undefined,
    constraint: getZodConstraint(rejectRequestInput),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rejectRequestInput }),
  });
  return (
    <div className="mt-3 grid gap-4 md:grid-cols-2">
      <ValidatedForm form={approveForm} className="space-y-2 rounded-md border border-slate-200 p-3">
        <FormErrors id={approveForm.errorId} errors={approveForm.errors} />
        <input type="hidden" name="intent" value="approve" />
        <input type="hidden" name="requestId" value={request.id} />
        <TextField
          meta={approveFields.priority}
          label={t("requests.priorityFor", { id: request.id })}
          type="number"
          hint={
            request.rubricPriority !== null
              ? t("requests.priorityHintRubric", { priority: request.rubricPriority })
              : request.requesterKind === "employee"
                ? t("requests.priorityHintEmployee")
                : t("requests.priorityHint")
          }
        />
        {request.rubricPriority !== null ? (
          <TextField meta={approveFields.priorityReason} label={t("requests.priorityReasonFor", { id: request.id })} hint={t("requests.priorityReasonHint")} />
        ) : null}
        <SubmitButton>{t("requests.approve", { id: request.id })}</SubmitButton>
      </ValidatedForm>
      <ValidatedForm form={rejectForm} className="space-y-2 rounded-md border border-slate-200 p-3">
        <FormErrors id={rejectForm.errorId} errors={rejectForm.errors} />
        <input type="hidden" name="intent" value="reject" />
        <input type="hidden" name="requestId" value={request.id} />
        <TextField meta={rejectFields.reason} label={t("requests.rejectReasonFor", { id: request.id })} />
        <SubmitButton variant="danger">{t("requests.reject", { id: request.id })}</SubmitButton>
      </ValidatedForm>
    </div>
  );
}

/** The rubric's answers and the priority they give, and the coordinator's reason when the approved priority differs. */
function RubricLine({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const answers = parseRubricAnswers(request.rubricAnswers);
  if (!answers || request.rubricPriority === null) return null;
  return (
    <div className="mt-1 text-sm text-slate-700">
      <p>{t("requests.rubricAnswersLine", { answers: rubricAnswersInWords(answers, t), priority: request.rubricPriority })}</p>
      {request.priorityReason ? <p>{t("requests.priorityChangedBecause", { priority: request.priority ?? "", reason: request.priorityReason })}</p> : null}
    </div>
  );
}

export default function RequestsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { requests, mayReview, mayFile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageHeading>{t("requests.title")}</PageHeading>
        {mayFile ? (
          <Link to="/requests/new" className={buttonClass("primary")}>
            {t("requests.new")}
          </Link>
        ) : null}
      </div>
      {actionData?.refusal ? (
        <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
          {t(actionData.refusal)}
        </div>
      ) : null}
      {/* The published rubric: the coordinator approves by it, and requesters see how their answers count. */}
      <Card title={t("requests.rubricTitle")}>
        <p className="mb-2 text-slate-700">{mayReview ? t("requests.rubricIntro") : t("requests.rubricIntroRequester")}</p>
        <RubricScale />
      </Card>
      {requests.length === 0 ? (
        <EmptyState>{mayFile ? t("requests.emptyRequester") : t("requests.emptyCoordinator")}</EmptyState>
      ) : (
        <ul className="space-y-4">
          {requests.map((request) => (
            <li key={request.id}>
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className="text-lg font-semibold">
                    {t("requests.heading", { id: request.id, quantity: request.quantity, type: t(`deviceTypes.${request.type}`) })}
                  </h2>
                  <span className="rounded-full border border-slate-400 px-2 py-0.5 text-xs font-semibold">{t(`requestStatuses.${request.status}`)}</span>
                </div>
                <p className="text-sm text-slate-700">
                  {request.organizationName} · {t("requests.neededBy", { date: formatDate(new Date(`${request.neededBy}T12:00:00Z`), language) })} ·{" "}
                  {t("requests.beneficiaries", { count: request.beneficiaries })}
                </p>
                <p className="mt-2">{request.purpose}</p>
                <p className="mt-1 text-sm text-slate-700">
                  {t("requests.minimums", {
                    ram: request.minRamGb,
                    storage: request.minStorageGb,
                    layout: request.keyboardLayout === "any" ? t("requests.anyLayout") : request.keyboardLayout,
                  })}
                  {request.minScreenInches ? ` · ${t("requests.minScreen", { inches: request.minScreenInches })}` : ""}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  {t("requests.progress", { fulfilled: request.fulfilled, quantity: request.quantity, reserved: request.reserved })}
                  {request.priority !== null ? ` · ${t("requests.priority", { priority: request.priority })}` : ""}
                </p>
                {request.fulfilled > 0 ? (
                  <p className="mt-1 text-sm">
                    <a href={`/requests/${request.id}/receipt.pdf`}>{t("pickup.receiptLink", { request: request.id })}</a>
                  </p>
                ) : null}
                <RubricLine request={request} />
                {request.status === "rejected" && request.rejectionReason ? (
                  <p className="mt-1 text-sm font-medium text-red-800">{t("requests.rejectedBecause", { reason: request.rejectionReason })}</p>
                ) : null}
                {mayReview && request.status === "submitted" ? <ReviewForms request={request} /> : null}
                {mayFile && canCancel(request.status) && request.reserved === 0 ? (
                  <details className="mt-3">
                    <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("requests.cancel", { id: request.id })}</summary>
                    <Form method="post" className="mt-2 flex flex-wrap items-center gap-2">
                      <input type="hidden" name="intent" value="cancel" />
                      <input type="hidden" name="requestId" value={request.id} />
                      <span className="text-sm">{t("requests.cancelConfirm")}</span>
                      <SubmitButton variant="danger">{t("requests.cancelYes", { id: request.id })}</SubmitButton>
                    </Form>
                  </details>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
