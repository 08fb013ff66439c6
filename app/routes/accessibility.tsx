import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { RouteErrorBoundary } from "~/components/error-page";
import { PageHeading } from "~/components/ui/page";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "accessibility.title");

/** The statement's sections, each a paragraph, some followed by a list (what was tested, what does not work yet). */
const sections: { key: string; items?: readonly string[] }[] = [
  { key: "scope" },
  { key: "status" },
  { key: "testing", items: ["keyboardWalk", "focus", "axe"] },
  { key: "limitations", items: ["dateTime", "noScript", "errorSummary", "documents", "screenReaders", "longLists"] },
  { key: "feedback" },
  { key: "enforcement" },
  { key: "preparation" },
];

/** The accessibility statement that Flemish public bodies must publish (EU Directive 2016/2102). */
export default function AccessibilityStatementPage() {
  const { t } = useTranslation();
  return (
    <article className="max-w-3xl space-y-6">
      <PageHeading>{t("accessibility.title")}</PageHeading>
      <p className="text-lg text-slate-700">{t("accessibility.intro")}</p>
      {sections.map(({ key, items }) => (
        <section key={key}>
          <h2 className="text-xl font-semibold">{t(`accessibility.${key}.title`)}</h2>
          <p className="mt-2 text-slate-800">{t(`accessibility.${key}.body`)}</p>
          {items ? (
            <ul className="mt-2 list-disc space-y-2 pl-5 text-slate-800">
              {items.map((item) => (
                <li key={item}>{t(`accessibility.${key}.items.${item}`)}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </article>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
