// The one error page every route's ErrorBoundary shows: friendly, in the reader's language.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "./ui/page";

export function RouteErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 429 ? "tooMany" : "unexpected";
  if (status >= 500) console.error(error);
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
