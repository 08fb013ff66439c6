// The one error page every route's ErrorBoundary shows: friendly, in the reader's language.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "./ui/page";

/** Which of the error page's messages fits an error thrown by a loader or action. */
export function errorKindOf(error: unknown): "notFound" | "forbidden" | "tooMany" | "unexpected" {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 429 ? "tooMany" : "unexpected";
}

export function RouteErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const kind = errorKindOf(error);
  if (kind === "unexpected") console.error(error);
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
