import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireAnonymous, safeRedirectPath } from "~/auth/guards.server";
import { issueDeviceCookie, trustedDeviceFor } from "~/auth/device-cookie.server";
import { startSession } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, PageHeading } from "~/components/ui/page";
import { minutesUntilUnlock } from "~/domain/lockout";
import { currentPasswordField, emailField } from "~/forms/fields";
import { readForm } from "~/http/request-body.server";
import { isSupportedLanguage } from "~/i18n/config";
import { languageCookie } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { attemptSignIn } from "~/models/sign-in.server";
import { getSessionUser } from "~/models/user.server";

export const loginSchema = z.object({
  email: emailField(),
  password: currentPasswordField(),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), lockedMinutes: null }, { status: 400 });
  }
  const now = Date.now();
  // A browser that signed in to this account before presents its device cookie: it answers to its own lockout.
  const device = trustedDeviceFor(request, submission.value.email);
  const outcome = await attemptSignIn(submission.value.email, submission.value.password, now, device);
  if (outcome.kind === "locked") {
    return data(
      {
        result: submission.reply({ formErrors: ["errors.accountLocked"], hideFields: ["password"] }),
        lockedMinutes: minutesUntilUnlock(outcome.lockedUntil, now),
      },
      { status: 429, headers: { "Retry-After": String(Math.ceil((outcome.lockedUntil - now) / 1000)) } },
    );
  }
  if (outcome.kind === "deactivated") {
    return data({ result: submission.reply({ formErrors: ["errors.accountDeactivated"], hideFields: ["password"] }), lockedMinutes: null }, { status: 403 });
  }
  if (outcome.kind === "invalid") {
    // The same words for a wrong password and for an account whose address is not confirmed yet (strangers learn
    // nothing), with a hint for whoever just signed up.
    const result = submission.reply({ formErrors: ["errors.invalidCredentials"], hideFields: ["password"] });
    return data({ result, lockedMinutes: null, activationHint: true }, { status: 400 });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(outcome.userId, request));
  headers.append("Set-Cookie", issueDeviceCookie(request, submission.value.email));
  const preferredLanguage = getSessionUser(outcome.userId)?.locale;
  if (isSupportedLanguage(preferredLanguage)) headers.append("Set-Cookie", await languageCookie.serialize(preferredLanguage));
  throw redirect(safeRedirectPath(submission.value.redirectTo), { headers });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(loginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldRevalidate: "onInput",
  });

  return (
    <div className="mx-auto max-w-md">
      <PageHeading>{t("login.title")}</PageHeading>
      <p className="mt-2 text-slate-700">{t("login.intro")}</p>
      <div className="mt-6">
        <Card>
          <ValidatedForm form={form} className="space-y-4">
            <FormErrors id={form.errorId} errors={form.errors} values={{ minutes: actionData?.lockedMinutes ?? 15 }} />
            {actionData && "activationHint" in actionData ? <p className="text-sm text-slate-700">{t("login.notActivatedHint")}</p> : null}
            <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
            <TextField meta={fields.email} label={t("fields.email")} type="email" autoComplete="username" />
            <TextField meta={fields.password} label={t("fields.password")} type="password" autoComplete="current-password" />
            <SubmitButton>{t("auth.signIn")}</SubmitButton>
          </ValidatedForm>
        </Card>
      </div>
      <ul className="mt-6 space-y-2 text-sm">
        <li>
          <Link to="/register">{t("login.registerOrganization")}</Link>
        </li>
        <li>
          <Link to="/signup">{t("login.employeeSignUp")}</Link>
        </li>
      </ul>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
