import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Card, EmptyState, PageHeading } from "~/components/ui/page";
import { devMailboxEnabled } from "~/env.server";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { listOutbox } from "~/models/outbox.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mailbox.title");

/** Development and demo only: the outbox shown as a mailbox, since no mail server exists here. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!devMailboxEnabled) throw data({ reason: "not-found" }, { status: 404 });
  await requirePermission(request, "mailbox.view");
  return { emails: listOutbox() };
}

export default function MailboxPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { emails } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeading>{t("mailbox.title")}</PageHeading>
      <p className="text-slate-700">{t("mailbox.intro")}</p>
      {emails.length === 0 ? (
        <EmptyState>{t("mailbox.empty")}</EmptyState>
      ) : (
        <ul className="space-y-4">
          {emails.map((email) => (
            <li key={email.id}>
              <Card title={email.subject} headingLevel={2}>
                <p className="text-sm text-slate-700">
                  {t("mailbox.to", { address: email.toAddress })} · {formatDateTime(new Date(email.createdAt), language)}
                </p>
                <pre className="mt-3 whitespace-pre-wrap font-sans text-slate-900">{email.body}</pre>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
