import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { RouteErrorBoundary } from "~/components/error-page";
import { PageHeading } from "~/components/ui/page";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "accessibility.title");

const sections = ["scope", "status", "limitations", "feedback", "enforcement", "preparation"] as const;

/** The accessibility statement that Flemish public bodies must publish (EU Directive 2016/2102). */
export default function AccessibilityStatementPage() {
  const { t } = useTranslation();
  return (
    <article className="max-w-3xl space-y-6">
      <PageHeading>{t("accessibility.title")}</PageHeading>
      <p className="text-lg text-slate-700">{t("accessibility.intro")}</p>
      {sections.map((section) => (
        <section key={section}>
          <h2 className="text-xl font-semibold">{t(`accessibility.${section}.title`)}</h2>
          <p className="mt-2 text-slate-800">{t(`accessibility.${section}.body`)}</p>
        </section>
      ))}
    </article>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
