// The page behind the link that proves a new account's address. Opening it changes nothing (mail
// scanners fetch links before people do): the button posts, and only that activates the account and
// signs its owner in.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { startSession } from "~/auth/session.server";
import { confirmEmail } from "~/commands/accounts/confirm-email.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { SubmitButton } from "~/components/ui/form";
import { Card, Notice, PageHeading } from "~/components/ui/page";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { pageTitle } from "~/i18n/meta";
import { findEmailConfirmation } from "~/models/email-confirmation.server";
import { getSessionUser } from "~/models/user.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "confirmEmail.title");

type ConfirmationView =
  { state: "usable"; email: string; name: string; organizationName: string } | { state: "used" | "expired" | "unknown"; messageKey: string };

export async function loader({ params }: LoaderFunctionArgs) {
  const confirmation = findEmailConfirmation(params.token ?? "", Date.now());
  if (!confirmation) return data<ConfirmationView>({ state: "unknown", messageKey: "errors.notFound.confirmation" }, { status: 404 });
  // A used or expired link is gone for good: say so, with 410.
  if (confirmation.state !== "usable")
    return data<ConfirmationView>({ state: confirmation.state, messageKey: `errors.confirmation.${confirmation.state}` }, { status: 410 });
  return data<ConfirmationView>({ state: "usable", email: confirmation.email, name: confirmation.name, organizationName: confirmation.organizationName });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const confirmed = confirmEmail({ token: params.token ?? "" });
  if (!confirmed.ok) return intentRefusal("confirm", confirmed);
  // A school or nonprofit that registered now waits for the coordinator: say so rather than only "active".
  const awaitsReview = getSessionUser(confirmed.value.userId)?.organization.status === "pending";
  const flash = awaitsReview ? "flash.organizationRegistered" : "flash.emailConfirmed";
  return redirectWithFlash("/", { key: flash }, { "Set-Cookie": await startSession(confirmed.value.userId, request) });
}

export default function ConfirmEmailPage() {
  const { t } = useTranslation();
  const confirmation = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>()?.refusal ?? null;
  if (refused !== null || confirmation.state !== "usable") {
    return (
      <div className="mx-auto max-w-lg space-y-6">
        <PageHeading>{t("confirmEmail.title")}</PageHeading>
        <Notice tone="warning">{t(refused ?? (confirmation.state === "usable" ? "errors.notFound.confirmation" : confirmation.messageKey))}</Notice>
        <ul className="space-y-2">
          <li>
            <Link to="/login">{t("auth.signIn")}</Link>
          </li>
          <li>
            <Link to="/signup">{t("login.employeeSignUp")}</Link>
          </li>
          <li>
            <Link to="/register">{t("login.registerOrganization")}</Link>
          </li>
        </ul>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <PageHeading>{t("confirmEmail.title")}</PageHeading>
      <Card>
        <div className="space-y-4">
          <p>{t("confirmEmail.intro", { name: confirmation.name, organization: confirmation.organizationName, email: confirmation.email })}</p>
          <p className="text-sm text-slate-700">{t("confirmEmail.notYou")}</p>
          <Form method="post">
            <SubmitButton>{t("confirmEmail.submit")}</SubmitButton>
          </Form>
        </div>
      </Card>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
