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

/** One filter: a labelled select whose first choice (when given) means "no filter". */
function FilterSelect({
  id,
  name,
  label,
  value,
  emptyLabel,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | number;
  emptyLabel?: string;
  options: { value: string | number; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={selectClass}>
        {emptyLabel === undefined ? null : <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

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
      <FilterSelect
        id="filter-type"
        name="type"
        label={t("catalogue.type")}
        value={query.type ?? ""}
        emptyLabel={t("catalogue.anyType")}
        options={deviceTypes.map((type) => ({ value: type, label: t(`deviceTypes.${type}`) }))}
      />
      <FilterSelect
        id="filter-ram"
        name="minRamGb"
        label={t("catalogue.minRam")}
        value={query.minRamGb ?? ""}
        emptyLabel={t("catalogue.noMinimum")}
        options={choicesWith(ramChoices, query.minRamGb).map((value) => ({ value, label: t("catalogue.atLeastGb", { value: number(value) }) }))}
      />
      <FilterSelect
        id="filter-storage"
        name="minStorageGb"
        label={t("catalogue.minStorage")}
        value={query.minStorageGb ?? ""}
        emptyLabel={t("catalogue.noMinimum")}
        options={choicesWith(storageChoices, query.minStorageGb).map((value) => ({ value, label: t("catalogue.atLeastGb", { value: number(value) }) }))}
      />
      <FilterSelect
        id="filter-screen"
        name="minScreenInches"
        label={t("catalogue.minScreen")}
        value={query.minScreenInches ?? ""}
        emptyLabel={t("catalogue.noMinimum")}
        options={choicesWith(screenChoices, query.minScreenInches).map((value) => ({ value, label: t("catalogue.atLeastInches", { value: number(value) }) }))}
      />
      <FilterSelect
        id="filter-layout"
        name="keyboardLayout"
        label={t("catalogue.keyboardLayout")}
        value={currentLayout}
        emptyLabel={t("catalogue.anyLayout")}
        options={layoutChoices.map((layout) => ({ value: layout, label: layout }))}
      />
      <FilterSelect
        id="filter-grade"
        name="grade"
        label={t("catalogue.grade")}
        value={query.grade ?? ""}
        emptyLabel={t("catalogue.anyGrade")}
        options={conditionGrades.map((grade) => ({ value: grade, label: t(`grades.${grade}`) }))}
      />
      <FilterSelect
        id="filter-sort"
        name="sort"
        label={t("catalogue.sort")}
        value={query.sort ?? "newest"}
        options={catalogueSortKeys.map((key) => ({ value: key, label: t(`catalogue.sortBy.${key}`) }))}
      />
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
