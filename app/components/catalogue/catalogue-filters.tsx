// The catalogue's filters and sort as a GET form: they live in the address (shareable, the back
// button works) and work without JavaScript.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/form";
import { catalogueSortKeys } from "~/domain/catalogue";
import { deviceTypes, keyboardLayouts } from "~/domain/devices";
import { conditionGrades } from "~/domain/lifecycle";
import type { CatalogueQuery } from "~/forms/catalogue";
import { formatNumber } from "~/i18n/format";
import { useLanguage } from "~/i18n/use-language";

const ramChoices = [4, 8, 16, 32];
const storageChoices = [64, 128, 256, 512, 1000];
const screenChoices = [10, 12, 13, 14, 15, 17];

/** The usual choices, plus the one in the address when someone typed another. */
function choicesWith(choices: number[], current: number | undefined): number[] {
  return current === undefined || choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);
}

const selectClass = "mt-1 block w-full rounded-md border border-slate-500 bg-white px-2 py-2 text-sm text-slate-900 sm:px-3 sm:text-base";
const labelClass = "block text-sm font-semibold text-slate-900";

export function CatalogueFilters({ query }: { query: CatalogueQuery }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = (value: number) => formatNumber(value, language);
  const layoutChoices =
    query.keyboardLayout && !keyboardLayouts.some((layout) => layout.toLowerCase() === query.keyboardLayout?.toLowerCase())
      ? [...keyboardLayouts, query.keyboardLayout]
      : keyboardLayouts;
  const currentLayout = layoutChoices.find((layout) => layout.toLowerCase() === query.keyboardLayout?.toLowerCase()) ?? "";
  // A key that changes with the address resets the uncontrolled selects after a navigation (back button, "clear").
  const formKey = JSON.stringify(query);

  return (
    <Form
      key={formKey}
      method="get"
      action="/catalogue"
      aria-label={t("catalogue.filters")}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 lg:grid-cols-4"
    >
      <div>
        <label htmlFor="filter-type" className={labelClass}>
          {t("catalogue.type")}
        </label>
        <select id="filter-type" name="type" defaultValue={query.type ?? ""} className={selectClass}>
          <option value="">{t("catalogue.anyType")}</option>
          {deviceTypes.map((type) => (
            <option key={type} value={type}>
              {t(`deviceTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-ram" className={labelClass}>
          {t("catalogue.minRam")}
        </label>
        <select id="filter-ram" name="minRamGb" defaultValue={query.minRamGb ?? ""} className={selectClass}>
          <option value="">{t("catalogue.noMinimum")}</option>
          {choicesWith(ramChoices, query.minRamGb).map((value) => (
            <option key={value} value={value}>
              {t("catalogue.atLeastGb", { value: number(value) })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-storage" className={labelClass}>
          {t("catalogue.minStorage")}
        </label>
        <select id="filter-storage" name="minStorageGb" defaultValue={query.minStorageGb ?? ""} className={selectClass}>
          <option value="">{t("catalogue.noMinimum")}</option>
          {choicesWith(storageChoices, query.minStorageGb).map((value) => (
            <option key={value} value={value}>
              {t("catalogue.atLeastGb", { value: number(value) })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-screen" className={labelClass}>
          {t("catalogue.minScreen")}
        </label>
        <select id="filter-screen" name="minScreenInches" defaultValue={query.minScreenInches ?? ""} className={selectClass}>
          <option value="">{t("catalogue.noMinimum")}</option>
          {choicesWith(screenChoices, query.minScreenInches).map((value) => (
            <option key={value} value={value}>
              {t("catalogue.atLeastInches", { value: number(value) })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-layout" className={labelClass}>
          {t("catalogue.keyboardLayout")}
        </label>
        <select id="filter-layout" name="keyboardLayout" defaultValue={currentLayout} className={selectClass}>
          <option value="">{t("catalogue.anyLayout")}</option>
          {layoutChoices.map((layout) => (
            <option key={layout} value={layout}>
              {layout}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-grade" className={labelClass}>
          {t("catalogue.grade")}
        </label>
        <select id="filter-grade" name="grade" defaultValue={query.grade ?? ""} className={selectClass}>
          <option value="">{t("catalogue.anyGrade")}</option>
          {conditionGrades.map((grade) => (
            <option key={grade} value={grade}>
              {t(`grades.${grade}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-sort" className={labelClass}>
          {t("catalogue.sort")}
        </label>
        <select id="filter-sort" name="sort" defaultValue={query.sort ?? "newest"} className={selectClass}>
          {catalogueSortKeys.map((key) => (
            <option key={key} value={key}>
              {t(`catalogue.sortBy.${key}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2 flex flex-wrap items-end gap-3 lg:col-span-1">
        <button type="submit" className={buttonClass("primary")}>
          {t("catalogue.apply")}
        </button>
        <Link to="/catalogue" className={buttonClass("secondary")}>
          {t("catalogue.clear")}
        </Link>
      </div>
    </Form>
  );
}
