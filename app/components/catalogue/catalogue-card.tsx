// One card of the catalogue: devices alike in type, model, specs and grade, with their count, the
// certificates that say they were wiped, how many requests wait for them, and what the reader can do.
// Nothing about the department that gave them, no serial numbers, no staff names.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/form";
import type { CatalogueGroupFields, CertificateMethod } from "~/domain/catalogue";
import { formatNumber } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";
import { TypeIllustration } from "./type-illustration";

/**
 * What the reader can do with a card. Today: ask for one like it (those who may file requests), or
 * nothing (the coordinator). The sales issue adds a third kind here for employees, a device for sale
 * with its price and the shop's "buy" button; until then nothing is for sale and no price is shown.
 */
export type CatalogueCardAction = { kind: "ask"; href: string } | { kind: "none" };

export type CatalogueCardData = CatalogueGroupFields & {
  key: string;
  count: number;
  batteryHealth: { min: number; max: number } | null;
  waitingRequests: number;
  /** Photo addresses; empty until the sales issue adds photos, and the type's drawing stands in. */
  photos: string[];
  certificates: { number: string; methods: CertificateMethod[] }[];
  /** Devices of the card whose certificate is not listed on it (only a few are). */
  moreCertificates: number;
  action: CatalogueCardAction;
};

export function CatalogueCard({ card }: { card: CatalogueCardData }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = `card-${card.key}`;
  const name = `${card.manufacturer} ${card.model}`;
  const number = (value: number) => formatNumber(value, language);
  const unknown = t("catalogue.unknown");
  const specs: [string, string][] = [
    [t("catalogue.ram"), card.ramGb === null ? unknown : t("catalogue.gb", { value: number(card.ramGb) })],
    [t("catalogue.storage"), card.storageGb === null ? unknown : t("catalogue.gb", { value: number(card.storageGb) })],
    [t("catalogue.screen"), card.screenInches === null ? unknown : t("catalogue.inches", { value: number(card.screenInches) })],
    [t("catalogue.keyboardLayout"), card.keyboardLayout ?? unknown],
  ];
  if (card.batteryHealth) {
    const { min, max } = card.batteryHealth;
    specs.push([
      t("catalogue.battery"),
      min === max ? t("catalogue.batteryOne", { value: number(min) }) : t("catalogue.batteryRange", { min: number(min), max: number(max) }),
    ]);
  }

  return (
    <li className="flex">
      <article aria-labelledby={headingId} className="flex w-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex items-start gap-3">
          {card.photos[0] ? <img src={card.photos[0]} alt="" className="h-20 w-28 shrink-0 rounded object-cover" /> : <TypeIllustration type={card.type} />}
          <div className="min-w-0">
            <h2 id={headingId} className="text-lg leading-snug font-semibold break-words text-slate-900">
              {name}
            </h2>
            <p className="text-sm text-slate-700">{t(`deviceTypes.${card.type}`)}</p>
            <p className="mt-1 inline-block rounded-full bg-emerald-100 px-2.5 py-0.5 text-sm font-semibold text-emerald-900">
              {t("catalogue.count", { count: card.count, formatted: number(card.count) })}
            </p>
          </div>
        </div>

        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {specs.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold text-slate-900">{label}</dt>
              <dd className="text-slate-800">{value}</dd>
            </div>
          ))}
          <div className="contents">
            <dt className="font-semibold text-slate-900">{t("catalogue.grade")}</dt>
            <dd className="text-slate-800">
              {card.grade ? (
                <>
                  <span className="font-semibold">{t(`grades.${card.grade}`)}</span>
                  <span className="block text-slate-700">{t(`catalogue.gradeMeaning.${card.grade}`)}</span>
                </>
              ) : (
                unknown
              )}
            </dd>
          </div>
          <div className="contents">
            <dt className="font-semibold text-slate-900">{t("catalogue.certificate")}</dt>
            <dd className="text-slate-800">
              <ul>
                {card.certificates.map((certificate) => (
                  <li key={certificate.number} className="break-words">
                    <span className="font-mono">{certificate.number}</span>{" "}
                    <span className="text-slate-700">({certificate.methods.map((method) => t(`catalogue.methods.${method}`)).join(", ")})</span>
                  </li>
                ))}
              </ul>
              {card.moreCertificates > 0 ? (
                <span className="text-slate-700">
                  {t("catalogue.moreCertificates", { count: card.moreCertificates, formatted: number(card.moreCertificates) })}
                </span>
              ) : null}
            </dd>
          </div>
        </dl>

        <p className="mt-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-900">
          {card.waitingRequests === 0
            ? t("catalogue.noneWaiting")
            : t("catalogue.waiting", { count: card.waitingRequests, formatted: number(card.waitingRequests) })}
        </p>

        {card.action.kind === "ask" ? (
          <div className="mt-auto pt-4">
            <Link to={card.action.href} className={`${buttonClass("primary")} w-full sm:w-auto`}>
              {t("catalogue.askLikeThis")}
              <span className="sr-only">: {name}</span>
            </Link>
          </div>
        ) : null}
      </article>
    </li>
  );
}
