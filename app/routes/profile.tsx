import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { endAllSessionsOf, endSession } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass, FormErrors, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, EmptyState, Notice, PageHeading } from "~/components/ui/page";
import { requiredText } from "~/forms/fields";
import { redirectWithFlash } from "~/http/flash.server";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { createApiToken, listActiveApiTokens, revokeApiToken } from "~/models/api-token.server";

export const createTokenSchema = z.object({ label: requiredText(80) });
const revokeTokenSchema = z.object({ tokenId: z.coerce.number().int().positive() });

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "profile.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.manage");
  return {
    account: { name: user.name, email: user.email, role: user.role, organizationName: user.organization.name },
    tokens: listActiveApiTokens(user.id),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.manage");
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "create-token") {
    const submission = parseWithZod(formData, { schema: createTokenSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), newToken: null }, { status: 400 });
    const { token } = createApiToken(user.id, submission.value.label);
    // Shown this once: only the hash is stored.
    return { result: submission.reply({ resetForm: true }), newToken: token };
  }
  if (intent === "revoke-token") {
    const parsed = revokeTokenSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success || !revokeApiToken(user.id, parsed.data.tokenId)) throw data({ reason: "not-found" }, { status: 404 });
    return redirectWithFlash("/profile", { key: "flash.tokenRevoked" });
  }
  if (intent === "sign-out-everywhere") {
    await endAllSessionsOf(user.id);
    throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
  }
  throw data({ reason: "bad-request" }, { status: 400 });
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { account, tokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "create-token",
    lastResult: actionData?.result,
    constraint: getZodConstraint(createTokenSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createTokenSchema }),
    shouldRevalidate: "onBlur",
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

      <Card title={t("profile.tokensTitle")}>
        <p className="mb-4 text-slate-700">{t("profile.tokensIntro")}</p>
        {actionData?.newToken ? (
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
                    {t("profile.tokenCreatedAt", { date: formatDateTime(new Date(token.createdAt), language) })}
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
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <SubmitButton variant="secondary">{t("profile.signOutEverywhere")}</SubmitButton>
        </Form>
      </Card>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
