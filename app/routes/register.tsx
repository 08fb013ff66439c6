import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireAnonymous } from "~/auth/guards.server";
import { hashPassword } from "~/auth/password.server";
import { startSession } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { FormErrors, Honeypot, SelectField, SubmitButton, TextAreaField, TextField, ValidatedForm } from "~/components/ui/form";
import { Card, PageHeading } from "~/components/ui/page";
import { emailField, enumField, honeypotField, newPasswordField, optionalText, requiredText } from "~/forms/fields";
import { redirectWithFlash } from "~/http/flash.server";
import { pageTitle } from "~/i18n/meta";
import { organizationNameIsTaken, registerRecipientOrganization } from "~/models/organization.server";
import { emailIsTaken } from "~/models/user.server";

export const organizationRegistrationSchema = z.object({
  organizationName: requiredText(160),
  kind: enumField(["school", "nonprofit"]),
  description: optionalText(1000),
  memberName: requiredText(120),
  email: emailField(),
  password: newPasswordField(),
  website: honeypotField(),
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "register.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, {
    schema: organizationRegistrationSchema.superRefine((value, context) => {
      if (organizationNameIsTaken(value.organizationName))
        context.addIssue({ code: "custom", path: ["organizationName"], message: "errors.organizationTaken" });
      if (emailIsTaken(value.email)) context.addIssue({ code: "custom", path: ["email"], message: "errors.emailTaken" });
    }),
  });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });

  const { organizationName, kind, description, memberName, email, password } = submission.value;
  const registered = registerRecipientOrganization({ organizationName, kind, description, memberName, email, passwordHash: await hashPassword(password) });
  if ("taken" in registered) {
    const fieldErrors: Record<string, string[]> = { [registered.taken]: [registered.taken === "email" ? "errors.emailTaken" : "errors.organizationTaken"] };
    return data(submission.reply({ fieldErrors, hideFields: ["password"] }), { status: 400 });
  }
  return redirectWithFlash("/", { key: "flash.organizationRegistered" }, { "Set-Cookie": await startSession(registered.userId, request) });
}

export default function RegisterOrganizationPage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "register-organization",
    lastResult,
    constraint: getZodConstraint(organizationRegistrationSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organizationRegistrationSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="mx-auto max-w-lg">
      <PageHeading>{t("register.title")}</PageHeading>
      <p className="mt-2 text-slate-700">{t("register.intro")}</p>
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
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
