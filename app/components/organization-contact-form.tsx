// The form for an organization's address, contact and (for the IT service) opening hours: on /profile
// for the member's own organization, on /organizations for the coordinator. Posts intent
// "organization-contact" to the page it sits on.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import { FormErrors, SubmitButton, TextAreaField, ValidatedForm } from "~/components/ui/form";
import { organizationContactForm } from "~/forms/organization-contact";

export type OrganizationContactView = { id: number; name: string; kind: string; address: string | null; contact: string | null; openingHours: string | null };

export function OrganizationContactForm({
  organization,
  lastResult,
}: {
  organization: OrganizationContactView;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation();
  const isItService = organization.kind === "it_service";
  const [form, fields] = useForm({
    id: `organization-contact-${organization.id}`,
    lastResult: lastResult ?? undefined,
    defaultValue: {
      organizationId: String(organization.id),
      address: organization.address ?? "",
      contact: organization.contact ?? "",
      openingHours: organization.openingHours ?? "",
    },
    constraint: getZodConstraint(organizationContactForm),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organizationContactForm }),
    shouldRevalidate: "onInput",
  });
  return (
    <ValidatedForm form={form} className="space-y-3">
      <p className="text-sm text-slate-700">{isItService ? t("organizationContact.itServiceIntro") : t("organizationContact.intro")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="organization-contact" />
      <input type="hidden" name="organizationId" value={organization.id} />
      <TextAreaField meta={fields.address} label={t("organizationContact.address")} />
      <TextAreaField meta={fields.contact} label={t("organizationContact.contact")} />
      {isItService ? (
        <TextAreaField meta={fields.openingHours} label={t("organizationContact.openingHours")} hint={t("organizationContact.openingHoursHint")} />
      ) : (
        <input type="hidden" name="openingHours" value={organization.openingHours ?? ""} />
      )}
      <SubmitButton>{t("organizationContact.save")}</SubmitButton>
    </ValidatedForm>
  );
}
