import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { startSession } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { acceptInviteInput } from "~/forms/accounts";
import { formRefusal } from "~/http/refusal-replies.server";
import { pageTitle } from "~/i18n/meta";
import { acceptInvite } from "~/commands/invites/accept-invite.server";
import { readForm } from "~/http/request-body.server";
import { findInvite } from "~/models/invite.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "acceptInvite.title");

function loadInvite(token: string | undefined) {
  const invite = token ? findInvite(token) : null;
  if (!invite) throw data({ reason: "not-found" }, { status: 404 });
  return invite;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const invite = loadInvite(params.token);
  const view = { email: invite.email, role: invite.role, organizationName: invite.organizationName, state: invite.state };
  // A used or expired link is gone for good: say so, with 410.
  return invite.state === "usable" ? view : data(view, { status: 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: acceptInviteInput });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const accepted = await acceptInvite({ ...submission.value, token: params.token ?? "" });
  if (!accepted.ok) return formRefusal(submission, accepted, ["password"]);
  throw redirect("/", { headers: { "Set-Cookie": await startSession(accepted.value.userId, request) } });
}

export default function AcceptInvitePage() {
  const { t } = useTranslation();
  const invite = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "accept-invite",
    lastResult,
    constraint: getZodConstraint(acceptInviteInput),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInviteInput }),
    shouldRevalidate: "onInput",
  });

  if (invite.state !== "usable") {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <PageHeading>{t("acceptInvite.title")}</PageHeading>
        <Notice tone="warning">{t(`errors.invite.${invite.state}`)}</Notice>
        <p>
          <Link to="/login">{t("auth.signIn")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg">
      <PageHeading>{t("acceptInvite.title")}</PageHeading>
      <p className="mt-2 text-slate-700">{t("acceptInvite.intro", { role: t(`roles.${invite.role}`), organization: invite.organizationName })}</p>
      <div className="mt-6">
        <Card>
          <ValidatedForm form={form} className="space-y-4">
            <FormErrors id={form.errorId} errors={form.errors} />
            <div>
              <p className="text-sm font-semibold text-slate-800">{t("fields.email")}</p>
              <p className="mt-1">{invite.email}</p>
            </div>
            <TextField meta={fields.name} label={t("fields.fullName")} autoComplete="name" />
            <TextField meta={fields.password} label={t("fields.newPassword")} type="password" autoComplete="new-password" hint={t("forms.passwordHint")} />
            <SubmitButton>{t("acceptInvite.submit")}</SubmitButton>
          </ValidatedForm>
        </Card>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
