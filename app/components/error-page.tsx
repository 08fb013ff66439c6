// The one error page every route's ErrorBoundary shows: friendly, in the reader's language.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "./ui/page";

export type ErrorKind = "badRequest" | "forbidden" | "awaitingApproval" | "notFound" | "tooLarge" | "tooMany" | "unexpected";

const kindsByStatus = new Map<number, ErrorKind>([
  [400, "badRequest"],
  [403, "forbidden"],
  [404, "notFound"],
  [413, "tooLarge"],
  // A form sent in another type than a form (text/plain, JSON): to the reader, a form that could not be read.
  [415, "badRequest"],
  [429, "tooMany"],
]);

/** Which of the error page's messages fits an error thrown by a loader or action. */
export function errorKindOf(error: unknown): ErrorKind {
  if (isRouteErrorResponse(error) && error.status === 403 && isAwaitingApproval(error.data)) return "awaitingApproval";
  return (isRouteErrorResponse(error) && kindsByStatus.get(error.status)) || "unexpected";
}

function isAwaitingApproval(data: unknown): boolean {
  return typeof data === "object" && data !== null && "reason" in data && data.reason === "awaiting-approval";
}

export function RouteErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const kind = errorKindOf(error);
  // A 4xx without a message of its own (405 for OPTIONS, 409) is an answer, not a failure worth a log line.
  if (kind === "unexpected" && !(isRouteErrorResponse(error) && error.status < 500)) console.error(error);
  return (
    <section className="mx-auto max-w-2xl py-8">
      <PageHeading>{t(`errorPage.${kind}.title`)}</PageHeading>
      <p className="mt-3 text-slate-700">{t(`errorPage.${kind}.body`)}</p>
      <p className="mt-6">
        <Link to="/">{t("errorPage.backHome")}</Link>
      </p>
    </section>
  );
}
