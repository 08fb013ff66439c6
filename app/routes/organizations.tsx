import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { reviewOrganization, reviewOrganizationInput } from "~/commands/organizations/review-organization.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { buttonClass, SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, PageHeading } from "~/components/ui/page";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { getOrganization, listOrganizations, listPendingOrganizations } from "~/models/organization.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "organizations.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "organization.review");
  return { pending: listPendingOrganizations(), all: listOrganizations() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = lifecycleActorOf(await requireUser(request));
  const submission = parseWithZod(await readForm(request), { schema: reviewOrganizationInput });
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
  const { pending, all } = useLoaderData<typeof loader>();
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
      <Card title={t("organizations.allTitle")}>
        <div className="overflow-x-auto">
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
