import { useTranslation } from "react-i18next";

const tones: Record<string, string> = {
  registered: "bg-slate-100 text-slate-900 border-slate-400",
  collected: "bg-sky-50 text-sky-900 border-sky-700",
  wiped: "bg-indigo-50 text-indigo-900 border-indigo-700",
  listed: "bg-emerald-50 text-emerald-900 border-emerald-700",
  reserved: "bg-amber-50 text-amber-900 border-amber-700",
  deployed: "bg-teal-50 text-teal-900 border-teal-700",
  recycled: "bg-stone-100 text-stone-900 border-stone-500",
};

/** A device's status as a labelled badge (the text carries the meaning, the colour only helps). */
export function DeviceStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-semibold ${tones[status] ?? tones.registered}`}>
      {t(`deviceStatuses.${status}`)}
    </span>
  );
}
