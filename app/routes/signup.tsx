import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAnonymous } from "~/auth/guards.server";
import { AddressProofSent } from "~/components/address-proof-sent";
import { RouteErrorBoundary } from "~/components/error-page";
import { FormErrors, Honeypot, SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, PageHeading } from "~/components/ui/page";
import { env } from "~/env.server";
import { publicOrigin } from "~/http/public-origin.server";
import { defaultLanguage, isSupportedLanguage } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { listDepartments } from "~/models/organization.server";
import { signUpEmployee } from "~/commands/accounts/sign-up-employee.server";
import { signUpEmployeeInput } from "~/forms/accounts";
import { formRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signup.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return { cityDomain: env.CITY_EMAIL_DOMAIN, departments: listDepartments() };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: signUpEmployeeInput });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const detected = await i18next.getLocale(request);
  const language = isSupportedLanguage(detected) ? detected : defaultLanguage;
  const signedUp = await signUpEmployee(submission.value, { origin: publicOrigin(request), language });
  if (!signedUp.ok) return formRefusal(submission, signedUp, ["password"]);
  // The same answer whether a link went out or the address's owner was told: see address-proof.server.ts.
  return { sent: true } as const;
}

export default function EmployeeSignUpPage() {
  const { t } = useTranslation();
  const { cityDomain, departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "sent" in actionData ? undefined : actionData;
  const [form, fields] = useForm({
    id: "employee-signup",
    lastResult,
    constraint: getZodConstraint(signUpEmployeeInput),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpEmployeeInput }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-lg">
      <PageHeading>{t("signup.title")}</PageHeading>
      <p className="mt-2 text-slate-700">{t("signup.intro", { domain: cityDomain })}</p>
      <div className="mt-6">
        {actionData && "sent" in actionData ? (
          <AddressProofSent />
        ) : (
          <Card>
            <ValidatedForm form={form} className="space-y-4">
              <FormErrors id={form.errorId} errors={form.errors} />
              <Honeypot />
              <TextField meta={fields.name} label={t("fields.fullName")} autoComplete="name" />
              <TextField
                meta={fields.email}
                label={t("fields.workEmail")}
                type="email"
                autoComplete="email"
                hint={t("signup.emailHint", { domain: cityDomain })}
              />
              <SelectField
                meta={fields.departmentId}
                label={t("fields.department")}
                placeholder={t("forms.choose")}
                options={departments.map((department) => ({ value: String(department.id), label: department.name }))}
              />
              <TextField meta={fields.password} label={t("fields.newPassword")} type="password" autoComplete="new-password" hint={t("forms.passwordHint")} />
              <SubmitButton>{t("signup.submit")}</SubmitButton>
            </ValidatedForm>
          </Card>
        )}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
