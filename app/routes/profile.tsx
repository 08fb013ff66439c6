import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actorOf, lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { endAllSessionsOf, endSession } from "~/auth/session.server";
import { createApiToken } from "~/commands/tokens/create-api-token.server";
import { revokeAllApiTokens } from "~/commands/tokens/revoke-all-api-tokens.server";
import { revokeApiToken } from "~/commands/tokens/revoke-api-token.server";
import { updateOrganizationContact, updateOrganizationContactInput } from "~/commands/organizations/update-organization-contact.server";
import { OrganizationContactForm } from "~/components/organization-contact-form";
import { can } from "~/domain/permissions";
import { organizationContact } from "~/models/organization.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass, FormErrors, SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, EmptyState, Notice, PageHeading } from "~/components/ui/page";
import type { UserActor } from "~/domain/lifecycle";
import { apiTokenLifetimes, createApiTokenInput, DEFAULT_API_TOKEN_LIFETIME_DAYS, revokeApiTokenInput } from "~/forms/api-token";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { listActiveApiTokens } from "~/models/api-token.server";
import type { SessionUser } from "~/models/user.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "profile.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.manage");
  return {
    account: { name: user.name, email: user.email, role: user.role, organizationName: user.organization.name },
    tokens: listActiveApiTokens(user.id),
    /** A department member keeps their department's address and contact here; the coordinator their IT service's, with its opening hours. */
    organizationContact: can(actorOf(user), "organization.contact") ? organizationContact(user.organization.id) : null,
  };
}

function saveOrganizationContact(actor: UserActor, formData: FormData) {
  const submission = parseWithZod(formData, { schema: updateOrganizationContactInput });
  if (submission.status !== "success") return data({ intent: "organization-contact", result: submission.reply(), refusal: null }, { status: 400 });
  const saved = updateOrganizationContact(actor, submission.value);
  if (!saved.ok) return intentRefusal("organization-contact", saved, submission);
  return redirectWithFlash("/profile", { key: "flash.organizationContactSaved", values: { organization: saved.value.name } });
}

function createToken(actor: UserActor, formData: FormData) {
  const submission = parseWithZod(formData, { schema: createApiTokenInput });
  if (submission.status !== "success") return data({ intent: "create-token", result: submission.reply(), refusal: null }, { status: 400 });
  const created = createApiToken(actor, submission.value);
  if (!created.ok) return intentRefusal("create-token", created, submission);
  // Shown this once: only the hash is stored.
  return { intent: "create-token", result: submission.reply({ resetForm: true }), refusal: null, newToken: created.value.token };
}

function revokeToken(actor: UserActor, formData: FormData) {
  const submission = parseWithZod(formData, { schema: revokeApiTokenInput });
  if (submission.status !== "success") throw data({ reason: "not-found" }, { status: 404 });
  const revoked = revokeApiToken(actor, submission.value);
  // The form sits on the page of the token's owner: a refusal means the page was stale or forged.
  if (!revoked.ok) throw intentRefusal("revoke-token", revoked);
  return redirectWithFlash("/profile", { key: "flash.tokenRevoked" });
}

async function signOutEverywhere(request: Request, user: SessionUser, formData: FormData): Promise<never> {
  // Tokens first: should that be refused, every session is still as it was and the person can see why.
  if (formData.get("revokeTokens") === "on") {
    const revoked = revokeAllApiTokens(lifecycleActorOf(user));
    if (!revoked.ok) throw intentRefusal("sign-out-everywhere", revoked);
  }
  await endAllSessionsOf(user.id);
  throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  switch (formData.get("intent")) {
    case "create-token":
      return createToken(lifecycleActorOf(user), formData);
    case "revoke-token":
      return revokeToken(lifecycleActorOf(user), formData);
    case "sign-out-everywhere":
      return signOutEverywhere(request, user, formData);
    case "organization-contact":
      return saveOrganizationContact(lifecycleActorOf(user), formData);
    default:
      throw data({ reason: "bad-request" }, { status: 400 });
  }
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { account, tokens, organizationContact: contact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "create-token",
    lastResult: actionData?.intent === "create-token" ? (actionData.result ?? undefined) : undefined,
    defaultValue: { expiresInDays: String(DEFAULT_API_TOKEN_LIFETIME_DAYS) },
    constraint: getZodConstraint(createApiTokenInput),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createApiTokenInput }),
    shouldRevalidate: "onInput",
  });

  return (
    <div className="space-y-6">
      <PageHeading>{t("profile.title")}</PageHeading>
      <Card title={t("profile.accountTitle")}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("fields.fullName")}</dt>
          <dd>{account.name}</dd>
          <dt className="font-semibold">{t("fields.email")}</dt>
          <dd>{account.email}</dd>
          <dt className="font-semibold">{t("fields.role")}</dt>
          <dd>{t(`roles.${account.role}`)}</dd>
          <dt className="font-semibold">{t("fields.organization")}</dt>
          <dd>{account.organizationName}</dd>
        </dl>
      </Card>

      {contact ? (
        <section id="organization-contact" aria-labelledby="organization-contact-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="organization-contact-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {t("organizationContact.title", { organization: contact.name })}
          </h2>
          {actionData?.intent === "organization-contact" && actionData.refusal ? (
            <p role="alert" className="mb-3 text-sm font-medium text-red-800">
              {t(actionData.refusal)}
            </p>
          ) : null}
          <OrganizationContactForm organization={contact} lastResult={actionData?.intent === "organization-contact" ? actionData.result : null} />
        </section>
      ) : null}

      <Card title={t("profile.tokensTitle")}>
        <p className="mb-4 text-slate-700">{t("profile.tokensIntro")}</p>
        {actionData?.refusal ? (
          <div role="alert" className="mb-4 rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
            {t(actionData.refusal)}
          </div>
        ) : null}
        {actionData && "newToken" in actionData ? (
          <div className="mb-4 space-y-2">
            <Notice tone="success">{t("profile.tokenCreated")}</Notice>
            <label htmlFor="new-token" className="block text-sm font-semibold">
              {t("profile.newToken")}
            </label>
            <input
              id="new-token"
              readOnly
              value={actionData.newToken}
              className="w-full rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm"
            />
          </div>
        ) : null}
        <ValidatedForm form={form} className="flex flex-wrap items-end gap-3">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="create-token" />
          <div className="min-w-64 flex-1">
            <TextField meta={fields.label} label={t("profile.tokenLabel")} />
          </div>
          <SelectField
            meta={fields.expiresInDays}
            label={t("profile.tokenExpiresIn")}
            options={apiTokenLifetimes.map((days) => ({ value: String(days), label: t("profile.tokenLifetimeDays", { count: days }) }))}
          />
          <SubmitButton>{t("profile.createToken")}</SubmitButton>
        </ValidatedForm>
        <h3 className="mt-6 mb-2 font-semibold">{t("profile.activeTokens")}</h3>
        {tokens.length === 0 ? (
          <EmptyState>{t("profile.noTokens")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{token.label}</p>
                  <p className="text-sm text-slate-700">
                    <span className="font-mono">{token.prefix}…</span> ·{" "}
                    {t("profile.tokenCreatedAt", { date: formatDateTime(new Date(token.createdAt), language) })} ·{" "}
                    {t("profile.tokenExpiresAt", { date: formatDate(new Date(token.expiresAt), language) })}
                    {token.lastUsedAt ? ` · ${t("profile.tokenLastUsed", { date: formatDateTime(new Date(token.lastUsedAt), language) })}` : ""}
                  </p>
                </div>
                <details className="text-sm">
                  <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("profile.revoke")}</summary>
                  <Form method="post" className="mt-2 flex items-center gap-2">
                    <input type="hidden" name="intent" value="revoke-token" />
                    <input type="hidden" name="tokenId" value={token.id} />
                    <span>{t("profile.revokeConfirm", { label: token.label })}</span>
                    <SubmitButton variant="danger">{t("profile.revokeYes", { label: token.label })}</SubmitButton>
                  </Form>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("profile.sessionsTitle")}>
        <p className="mb-4 text-slate-700">{t("profile.sessionsBody")}</p>
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <div className="flex items-center gap-2">
            <input id="revoke-tokens" name="revokeTokens" type="checkbox" className="h-4 w-4" />
            <label htmlFor="revoke-tokens">{t("profile.alsoRevokeTokens")}</label>
          </div>
          <SubmitButton variant="secondary">{t("profile.signOutEverywhere")}</SubmitButton>
        </Form>
      </Card>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
