// Where a device's embodied-carbon figure comes from: the manufacturer's footprint of its model, or the
// median of its type, with Boavizta's credit (the figures' source data set).
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/page";
import { formatNumber } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

export type DeviceCarbonView = { kgCo2eEmbodied: number; source: "model" | "type"; reference: string } | null;

export function DeviceCarbonCard({ carbon, referenceUrl, type }: { carbon: DeviceCarbonView; referenceUrl: string | null; type: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card title={t("impact.deviceCarbon.title")}>
      {carbon === null ? (
        <p className="text-slate-700">{t("impact.deviceCarbon.none")}</p>
      ) : (
        <>
          <p className="text-2xl font-semibold">
            {t("impact.kgCo2eValue", { value: formatNumber(carbon.kgCo2eEmbodied, language, { maximumFractionDigits: 0 }) })}
          </p>
          <p className="mt-1 text-slate-700">{t("impact.deviceCarbon.explained")}</p>
          <p className="mt-3">
            {carbon.source === "model" ? (
              <>
                {t("impact.deviceCarbon.modelSource", { reference: carbon.reference })}
                {referenceUrl ? (
                  <>
                    {" — "}
                    <a className="text-blue-800 underline" href={referenceUrl} rel="noreferrer">
                      {t("impact.deviceCarbon.report")}
                    </a>
                  </>
                ) : null}
              </>
            ) : (
              t("impact.deviceCarbon.typeSource", {
                count: Number(/\d+/.exec(carbon.reference)?.[0] ?? 0),
                type: t(`deviceTypes.${type}`),
              })
            )}
          </p>
        </>
      )}
      <p className="mt-3 text-sm text-slate-700">
        {t("impact.boaviztaCredit")}{" "}
        <a className="text-blue-800 underline" href="https://github.com/Boavizta/environmental-footprint-data" rel="noreferrer">
          Boavizta
        </a>
      </p>
    </Card>
  );
}
