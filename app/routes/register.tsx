import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAnonymous } from "~/auth/guards.server";
import { AddressProofSent } from "~/components/address-proof-sent";
import { RouteErrorBoundary } from "~/components/error-page";
import { FormErrors, Honeypot, SelectField, SubmitButton, TextAreaField, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, PageHeading } from "~/components/ui/page";
import { publicOrigin } from "~/http/public-origin.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { registerOrganization } from "~/commands/organizations/register-organization.server";
import { registerOrganizationInput } from "~/forms/accounts";
import { formRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "register.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: registerOrganizationInput });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const detected = await i18next.getLocale(request);
  const language = isSupportedLanguage(detected) ? detected : defaultLanguage;
  const registered = await registerOrganization(submission.value, { origin: publicOrigin(request), language });
  if (!registered.ok) return formRefusal(submission, registered, ["password"]);
  // The same answer whether a link went out or the address's owner was told: see address-proof.server.ts.
  return { sent: true } as const;
}

export default function RegisterOrganizationPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "sent" in actionData ? undefined : actionData;
  const [form, fields] = useForm({
    id: "register-organization",
    lastResult,
    constraint: getZodConstraint(registerOrganizationInput),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registerOrganizationInput }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-lg">
      <PageHeading>{t("register.title")}</PageHeading>
      <p className="mt-2 text-slate-700">{t("register.intro")}</p>
      {actionData && "sent" in actionData ? (
        <div className="mt-6">
          <AddressProofSent />
        </div>
      ) : (
        <ValidatedForm form={form} className="mt-6 space-y-6">
          <FormErrors id={form.errorId} errors={form.errors} />
          <Honeypot />
          <Card title={t("register.organizationSection")}>
            <div className="space-y-4">
              <TextField meta={fields.organizationName} label={t("fields.organizationName")} autoComplete="organization" />
              <SelectField
                meta={fields.kind}
                label={t("fields.organizationKind")}
                placeholder={t("forms.choose")}
                options={[
                  { value: "school", label: t("organizationKinds.school") },
                  { value: "nonprofit", label: t("organizationKinds.nonprofit") },
                ]}
              />
              <TextAreaField meta={fields.description} label={t("fields.organizationDescription")} hint={t("register.descriptionHint")} />
            </div>
          </Card>
          <Card title={t("register.memberSection")}>
            <div className="space-y-4">
              <TextField meta={fields.memberName} label={t("fields.fullName")} autoComplete="name" />
              <TextField meta={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
              <TextField meta={fields.password} label={t("fields.newPassword")} type="password" autoComplete="new-password" hint={t("forms.passwordHint")} />
            </div>
          </Card>
          <SubmitButton>{t("register.submit")}</SubmitButton>
        </ValidatedForm>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
