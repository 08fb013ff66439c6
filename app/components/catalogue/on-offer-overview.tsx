// The visitors' glimpse of the catalogue on the home page: how many devices of each type are on offer
// now, and how a school or nonprofit registers to see them. No device details without an account.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/form";
import type { DeviceType } from "~/domain/devices";
import { formatNumber } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

export function OnOfferOverview({ counts }: { counts: { type: DeviceType; count: number }[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="on-offer-heading" className="rounded-lg border border-emerald-200 bg-emerald-50 p-5">
      <h2 id="on-offer-heading" className="text-lg font-semibold text-slate-900">
        {t("catalogue.public.title")}
      </h2>
      {counts.length === 0 ? (
        <p className="mt-2 text-slate-800">{t("catalogue.public.none")}</p>
      ) : (
        <>
          <p className="mt-2 text-slate-800">{t("catalogue.public.intro")}</p>
          <ul aria-label={t("catalogue.public.label")} className="mt-3 flex flex-wrap gap-2">
            {counts.map(({ type, count }) => (
              <li key={type} className="rounded-full border border-emerald-300 bg-white px-3 py-1 text-sm font-semibold text-emerald-950">
                {t("catalogue.public.line", { type: t(`deviceTypes.${type}`), number: formatNumber(count, language) })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-3 text-slate-800">{t("catalogue.public.register")}</p>
      <Link to="/register" className={`${buttonClass("secondary")} mt-3`}>
        {t("catalogue.public.registerAction")}
      </Link>
    </section>
  );
}
