import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { createInvite } from "~/commands/invites/create-invite.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { FormErrors, SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, EmptyState, Notice, PageHeading } from "~/components/ui/page";
import { invitableRoles } from "~/domain/invites";
import { createInviteInput } from "~/forms/invite";
import { publicOrigin } from "~/http/public-origin.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { listInvites } from "~/models/invite.server";
import { listCityOrganizations } from "~/models/organization.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invites.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "invite.create");
  return { organizations: listCityOrganizations(), invites: listInvites() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = lifecycleActorOf(await requireUser(request));
  const submission = parseWithZod(await readForm(request), { schema: createInviteInput });
  if (submission.status !== "success") return data({ intent: "invite", result: submission.reply(), refusal: null }, { status: 400 });
  const detected = await i18next.getLocale(request);
  const language = isSupportedLanguage(detected) ? detected : defaultLanguage;
  const invited = createInvite(actor, submission.value, { origin: publicOrigin(request), language });
  if (!invited.ok) return intentRefusal("invite", invited, submission);
  return { intent: "invite", result: submission.reply({ resetForm: true }), refusal: null, inviteLink: invited.value.link, invitedEmail: invited.value.email };
}

export default function InvitesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { organizations, invites } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.result ?? undefined,
    constraint: getZodConstraint(createInviteInput),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createInviteInput }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="space-y-6">
      <PageHeading>{t("invites.title")}</PageHeading>
      <p className="text-slate-700">{t("invites.intro")}</p>
      {actionData?.refusal ? (
        <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
          {t(actionData.refusal)}
        </div>
      ) : null}
      {actionData && "inviteLink" in actionData ? (
        <div className="space-y-2">
          <Notice tone="success">{t("invites.created", { email: actionData.invitedEmail })}</Notice>
          <label htmlFor="invite-link" className="block text-sm font-semibold">
            {t("invites.link")}
          </label>
          <input
            id="invite-link"
            readOnly
            value={actionData.inviteLink}
            className="w-full rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm"
          />
        </div>
      ) : null}
      <Card title={t("invites.newTitle")}>
        <ValidatedForm form={form} className="grid gap-4 md:grid-cols-3">
          <div className="md:col-span-3">
            <FormErrors id={form.errorId} errors={form.errors} />
          </div>
          <TextField meta={fields.email} label={t("fields.email")} type="email" autoComplete="off" />
          <SelectField
            meta={fields.role}
            label={t("fields.role")}
            placeholder={t("forms.choose")}
            options={invitableRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
          <SelectField
            meta={fields.organizationId}
            label={t("fields.organization")}
            placeholder={t("forms.choose")}
            options={organizations.map((organization) => ({ value: String(organization.id), label: organization.name }))}
          />
          <div className="md:col-span-3">
            <SubmitButton>{t("invites.submit")}</SubmitButton>
          </div>
        </ValidatedForm>
      </Card>
      <Card title={t("invites.listTitle")}>
        {invites.length === 0 ? (
          <EmptyState>{t("invites.empty")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">
                    {t("fields.email")}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t("fields.role")}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t("fields.organization")}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t("fields.status")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("invites.expires")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {invites.map((invite) => (
                  <tr key={invite.id} className="border-b border-slate-100">
                    <td className="py-2 pr-4">{invite.email}</td>
                    <td className="py-2 pr-4">{t(`roles.${invite.role}`)}</td>
                    <td className="py-2 pr-4">{invite.organizationName}</td>
                    <td className="py-2 pr-4">{t(`inviteStates.${invite.state}`)}</td>
                    <td className="py-2">{formatDate(new Date(invite.expiresAt), language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
