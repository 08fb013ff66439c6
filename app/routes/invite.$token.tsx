import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { hashPassword } from "~/auth/password.server";
import { startSession } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { newPasswordField, requiredText } from "~/forms/fields";
import { pageTitle } from "~/i18n/meta";
import { acceptInvite, findInvite } from "~/models/invite.server";

export const acceptInviteSchema = z.object({ name: requiredText(120), password: newPasswordField() });

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
  const invite = loadInvite(params.token);
  const submission = parseWithZod(await request.formData(), { schema: acceptInviteSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  if (invite.state !== "usable") return data(submission.reply({ formErrors: [`errors.invite.${invite.state}`], hideFields: ["password"] }), { status: 410 });

  const outcome = acceptInvite(params.token ?? "", { name: submission.value.name, passwordHash: await hashPassword(submission.value.password) });
  if (outcome.kind === "refused") {
    return data(submission.reply({ formErrors: [`errors.invite.${outcome.reason}`], hideFields: ["password"] }), { status: 410 });
  }
  throw redirect("/", { headers: { "Set-Cookie": await startSession(outcome.userId, request) } });
}

export default function AcceptInvitePage() {
  const { t } = useTranslation();
  const invite = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "accept-invite",
    lastResult,
    constraint: getZodConstraint(acceptInviteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInviteSchema }),
    shouldRevalidate: "onBlur",
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
