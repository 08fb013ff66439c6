// The device's registered details and its storage media, as staff see them.
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/page";
import { formatDate, formatNumber } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

export type DeviceDetailsView = {
  type: string;
  serial: string;
  departmentName: string;
  holderLabel: string;
  cpu: string | null;
  ramGb: number | null;
  storageGb: number | null;
  screenInches: number | null;
  keyboardLayout: string | null;
  batteryHealthPercent: number | null;
  weightKg: number | null;
  conditionGrade: string | null;
  purchaseDate: string | null;
  purchasePriceCents: number | null;
  conditionNotes: string | null;
  media: { id: number; serial: string; kind: string; capacityGb: number }[];
};

function Detail({ label, value }: { label: string; value: string | number | null | undefined }) {
  return (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="font-medium">{value === null || value === undefined || value === "" ? "—" : value}</dd>
    </div>
  );
}

export function DeviceDetailsCard({ device }: { device: DeviceDetailsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = (value: number | null, unit: string) => (value === null ? null : `${formatNumber(value, language)} ${unit}`);
  return (
    <Card title={t("devicePage.detailsTitle")}>
      <dl className="grid grid-cols-2 gap-4">
        <Detail label={t("device.type")} value={t(`deviceTypes.${device.type}`)} />
        <Detail label={t("device.serial")} value={device.serial} />
        <Detail label={t("device.department")} value={device.departmentName} />
        <Detail label={t("devicePage.holder")} value={device.holderLabel} />
        <Detail label={t("device.cpu")} value={device.cpu} />
        <Detail label={t("device.ramGb")} value={number(device.ramGb, "GB")} />
        <Detail label={t("device.storageGb")} value={number(device.storageGb, "GB")} />
        <Detail label={t("device.screenInches")} value={number(device.screenInches, "″")} />
        <Detail label={t("device.keyboardLayout")} value={device.keyboardLayout} />
        <Detail label={t("device.batteryHealthPercent")} value={number(device.batteryHealthPercent, "%")} />
        <Detail label={t("device.weightKg")} value={number(device.weightKg, "kg")} />
        <Detail label={t("device.conditionGrade")} value={device.conditionGrade} />
        <Detail label={t("device.purchaseDate")} value={device.purchaseDate ? formatDate(new Date(`${device.purchaseDate}T12:00:00Z`), language) : null} />
        <Detail
          label={t("device.purchasePrice")}
          value={device.purchasePriceCents === null ? null : formatNumber(device.purchasePriceCents / 100, language, { style: "currency", currency: "EUR" })}
        />
      </dl>
      {device.conditionNotes ? (
        <div className="mt-4">
          <h3 className="text-sm text-slate-700">{t("device.conditionNotes")}</h3>
          <p className="whitespace-pre-line">{device.conditionNotes}</p>
        </div>
      ) : null}
      <h3 className="mt-6 mb-2 font-semibold">{t("devicePage.mediaTitle")}</h3>
      {device.media.length === 0 ? (
        <p className="text-slate-700">{t("devicePage.noMedia")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-3">
                {t("medium.serial")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("medium.kind")}
              </th>
              <th scope="col" className="py-1">
                {t("medium.capacityGb")}
              </th>
            </tr>
          </thead>
          <tbody>
            {device.media.map((medium) => (
              <tr key={medium.id} className="border-b border-slate-100">
                <td className="py-1 pr-3 font-mono">{medium.serial}</td>
                <td className="py-1 pr-3">{medium.kind}</td>
                <td className="py-1">{formatNumber(medium.capacityGb, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
