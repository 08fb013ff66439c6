import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { reviewOrganization, reviewOrganizationInput } from "~/commands/organizations/review-organization.server";
import { updateOrganizationContact, updateOrganizationContactInput } from "~/commands/organizations/update-organization-contact.server";
import { OrganizationContactForm } from "~/components/organization-contact-form";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass, SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, PageHeading } from "~/components/ui/page";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { getOrganization, listCityOrganizationContacts, listOrganizations, listPendingOrganizations } from "~/models/organization.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "organizations.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "organization.review");
  return { pending: listPendingOrganizations(), all: listOrganizations(), contacts: listCityOrganizationContacts() };
}

/** The coordinator corrects a department's or the IT service's address, contact or opening hours. */
async function saveContact(request: Request, formData: FormData) {
  const actor = lifecycleActorOf(await requireUser(request));
  const submission = parseWithZod(formData, { schema: updateOrganizationContactInput });
  const organizationId = Number(formData.get("organizationId")) || null;
  if (submission.status !== "success")
    return data({ intent: "organization-contact", organizationId, result: submission.reply(), refusal: null }, { status: 400 });
  const saved = updateOrganizationContact(actor, submission.value);
  if (!saved.ok) return intentRefusal("organization-contact", saved, submission);
  return redirectWithFlash("/organizations", { key: "flash.organizationContactSaved", values: { organization: saved.value.name } });
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  if (formData.get("intent") === "organization-contact") return saveContact(request, formData);
  return review(request, formData);
}

async function review(request: Request, formData: FormData) {
  const actor = lifecycleActorOf(await requireUser(request));
  const submission = parseWithZod(formData, { schema: reviewOrganizationInput });
  if (submission.status !== "success") throw data({ reason: "bad-request" }, { status: 400 });
  const result = reviewOrganization(actor, submission.value);
  if (result.ok) {
    const key = result.value.status === "approved" ? "flash.organizationApproved" : "flash.organizationRejected";
    return redirectWithFlash("/organizations", { key, values: { name: result.value.name } });
  }
  // Two coordinators deciding at once: the second learns that it was decided already.
  if (result.reason === "not-pending") {
    const name = getOrganization(submission.value.organizationId)?.name ?? "";
    return redirectWithFlash("/organizations", { key: "flash.organizationAlreadyReviewed", values: { name } });
  }
  throw intentRefusal("review", result);
}

export default function OrganizationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { pending, all, contacts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const contactReply = actionData && "intent" in actionData && actionData.intent === "organization-contact" ? actionData : null;
  return (
    <div className="space-y-6">
      <PageHeading>{t("organizations.title")}</PageHeading>
      <Card title={t("organizations.pendingTitle")}>
        {pending.length === 0 ? (
          <EmptyState>{t("organizations.noPending")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {pending.map((organization) => (
              <li key={organization.id} className="space-y-2 py-4">
                <h3 className="text-lg font-semibold">{organization.name}</h3>
                <p className="text-sm text-slate-700">
                  {t(`organizationKinds.${organization.kind}`)} ·{" "}
                  {t("organizations.registeredOn", { date: formatDate(new Date(organization.createdAt), language) })}
                </p>
                {organization.description ? <p className="text-slate-800">{organization.description}</p> : null}
                <div className="flex flex-wrap items-start gap-3">
                  <Form method="post">
                    <input type="hidden" name="organizationId" value={organization.id} />
                    <SubmitButton name="decision" value="approved">
                      {t("organizations.approve", { name: organization.name })}
                    </SubmitButton>
                  </Form>
                  <details>
                    <summary className={`${buttonClass("secondary")} cursor-pointer`}>{t("organizations.reject", { name: organization.name })}</summary>
                    <Form method="post" className="mt-2 flex flex-wrap items-center gap-2">
                      <input type="hidden" name="organizationId" value={organization.id} />
                      <span className="text-sm">{t("organizations.rejectConfirm", { name: organization.name })}</span>
                      <SubmitButton name="decision" value="rejected" variant="danger">
                        {t("organizations.rejectYes")}
                      </SubmitButton>
                    </Form>
                  </details>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("organizationContact.listTitle")}>
        <p className="mb-3 text-slate-700">{t("organizationContact.listIntro")}</p>
        {contactReply?.refusal ? (
          <p role="alert" className="mb-3 text-sm font-medium text-red-800">
            {t(contactReply.refusal)}
          </p>
        ) : null}
        <ul className="divide-y divide-slate-200">
          {contacts.map((organization) => {
            const replyHere = contactReply && "organizationId" in contactReply && contactReply.organizationId === organization.id;
            return (
              <li key={organization.id} className="space-y-1 py-3">
                <h3 className="font-semibold">
                  {organization.name} <span className="text-sm font-normal text-slate-700">· {t(`organizationKinds.${organization.kind}`)}</span>
                </h3>
                <dl className="grid gap-x-4 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">{t("organizationContact.address")}</dt>
                  <dd className="whitespace-pre-line">{organization.address ?? t("organizationContact.notSet")}</dd>
                  <dt className="font-semibold">{t("organizationContact.contact")}</dt>
                  <dd className="whitespace-pre-line">{organization.contact ?? t("organizationContact.notSet")}</dd>
                  {organization.kind === "it_service" ? (
                    <>
                      <dt className="font-semibold">{t("organizationContact.openingHours")}</dt>
                      <dd className="whitespace-pre-line">{organization.openingHours ?? t("organizationContact.notSet")}</dd>
                    </>
                  ) : null}
                </dl>
                <details open={replyHere ? true : undefined}>
                  <summary className="cursor-pointer text-sm underline">{t("organizationContact.edit", { organization: organization.name })}</summary>
                  <div className="mt-2 max-w-xl">
                    <OrganizationContactForm organization={organization} lastResult={replyHere ? contactReply.result : null} />
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      </Card>
      <Card title={t("organizations.allTitle")}>
        {/* Focusable, so that keyboard users can scroll the table sideways on a phone. */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("organizations.allTitle")}>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  {t("fields.organizationName")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("fields.organizationKind")}
                </th>
                <th scope="col" className="py-2">
                  {t("fields.status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {all.map((organization) => (
                <tr key={organization.id} className="border-b border-slate-100">
                  <td className="py-2 pr-4 font-medium">{organization.name}</td>
                  <td className="py-2 pr-4">{t(`organizationKinds.${organization.kind}`)}</td>
                  <td className="py-2">{t(`organizationStatuses.${organization.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
