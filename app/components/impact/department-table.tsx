// The per-department figures of a period, as a table (the dashboard and the printable report).
import { useTranslation } from "react-i18next";
import { useImpactFormat } from "./impact-view";

export function DepartmentTable({
  rows,
}: {
  rows: {
    departmentId: number;
    departmentName: string;
    devicesRecycled: number;
    devicesRedeployed: number;
    kgCo2eAvoided: number;
    kgEwasteDiverted: number;
    eurReplacementAvoided: number;
  }[];
}) {
  const { t } = useTranslation();
  const format = useImpactFormat();
  if (rows.length === 0) return <p className="mt-3 text-slate-700">{t("impact.departments.none")}</p>;
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("impact.departments.title")}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-3">
              {t("impact.departments.department")}
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              {t("impact.figures.devicesRedeployed")}
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              {t("impact.figures.kgCo2eAvoided")}
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              {t("impact.figures.kgEwasteDiverted")}
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              {t("impact.figures.eurReplacementAvoided")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("impact.figures.devicesRecycled")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.departmentId} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 font-normal">
                {row.departmentName}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">{format.number(row.devicesRedeployed)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{format.number(row.kgCo2eAvoided)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{format.number(row.kgEwasteDiverted)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{format.euro(row.eurReplacementAvoided)}</td>
              <td className="py-1 text-right tabular-nums">{format.number(row.devicesRecycled)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
