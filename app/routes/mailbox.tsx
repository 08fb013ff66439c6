import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lifecycleActorOf, requirePermission, requireUser } from "~/auth/guards.server";
import { resendEmail, resendEmailInput } from "~/commands/outbox/resend-email.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, PageHeading } from "~/components/ui/page";
import { devMailboxEnabled, mailDeliveryEnabled, outboxPageEnabled } from "~/env.server";
import { redirectWithFlash } from "~/http/flash.server";
import { intentRefusal } from "~/http/refusal-replies.server";
import { readForm } from "~/http/request-body.server";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLanguage } from "~/i18n/use-language";
import { listOutbox } from "~/models/outbox.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => pageTitle(matches, loaded?.delivery ? "mailbox.outboxTitle" : "mailbox.title");

/**
 * The outbox for coordinators. Without SMTP_URL it is the dev mailbox (development and demos): the
 * full text of what would be sent. With SMTP_URL it is shown in production too, as each message's
 * delivery status with a resend for failed ones; the text only where DEV_MAILBOX allows it, since
 * it holds links (invites) meant for the recipient alone.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!outboxPageEnabled) throw data({ reason: "not-found" }, { status: 404 });
  await requirePermission(request, "mailbox.view");
  const emails = listOutbox().map((email) => ({
    id: email.id,
    toAddress: email.toAddress,
    subject: email.subject,
    body: devMailboxEnabled ? email.body : null,
    status: email.status,
    attempts: email.attempts,
    nextAttemptAt: email.nextAttemptAt.getTime(),
    lastError: email.lastError,
    createdAt: email.createdAt.getTime(),
    sentAt: email.sentAt?.getTime() ?? null,
  }));
  return { emails, delivery: mailDeliveryEnabled };
}

export async function action({ request }: ActionFunctionArgs) {
  if (!outboxPageEnabled) throw data({ reason: "not-found" }, { status: 404 });
  const actor = lifecycleActorOf(await requireUser(request));
  const submission = parseWithZod(await readForm(request), { schema: resendEmailInput });
  if (submission.status !== "success") throw data({ reason: "bad-request" }, { status: 400 });
  const result = resendEmail(actor, submission.value);
  if (result.ok) return redirectWithFlash("/mailbox", { key: "flash.emailResent", values: { address: result.value.toAddress } });
  throw intentRefusal("resend", result);
}

type EmailView = ReturnType<typeof useLoaderData<typeof loader>>["emails"][number];

function DeliveryStatus({ email, delivery }: { email: EmailView; delivery: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = (() => {
    if (email.status === "sent" && email.sentAt !== null) return t("mailbox.status.sent", { date: formatDateTime(new Date(email.sentAt), language) });
    if (email.status === "retrying")
      return t("mailbox.status.retrying", { date: formatDateTime(new Date(email.nextAttemptAt), language), attempts: String(email.attempts) });
    if (email.status === "failed") return t("mailbox.status.failed", { attempts: String(email.attempts) });
    if (email.status === "pending" && !delivery) return t("mailbox.notSentWithoutServer");
    return t(`mailbox.status.${email.status}`);
  })();
  return (
    <div className="mt-2 space-y-1 text-sm">
      <p className={email.status === "failed" ? "font-semibold text-red-800" : "text-slate-800"}>
        {t("mailbox.statusLabel")} {status}
      </p>
      {email.lastError && email.status !== "sent" ? <p className="break-words text-slate-800">{t("mailbox.lastError", { error: email.lastError })}</p> : null}
    </div>
  );
}

export default function MailboxPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { emails, delivery } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeading>{t(delivery ? "mailbox.outboxTitle" : "mailbox.title")}</PageHeading>
      <p className="text-slate-700">{t(delivery ? "mailbox.outboxIntro" : "mailbox.intro")}</p>
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
                <DeliveryStatus email={email} delivery={delivery} />
                {email.body === null ? (
                  <p className="mt-3 text-sm text-slate-700">{t("mailbox.bodyHidden")}</p>
                ) : (
                  <pre className="mt-3 whitespace-pre-wrap font-sans text-slate-900">{email.body}</pre>
                )}
                {email.status === "failed" ? (
                  <Form method="post" className="mt-3">
                    <input type="hidden" name="emailId" value={email.id} />
                    <SubmitButton variant="secondary">
                      {t("mailbox.resend")}
                      <span className="sr-only"> – {t("mailbox.to", { address: email.toAddress })}</span>
                    </SubmitButton>
                  </Form>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
