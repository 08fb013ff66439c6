// The Fair ICT report as an A4 PDF: the city, the period, the totals, per department, the monthly
// charts (bars drawn with pdfkit), the redeployed and recycled devices with their certificates, the
// carbon sources, procurement lessons, and the custody head hash with its date, so that the report can
// be checked against the ledger later.
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import { formatDate, formatNumber } from "~/i18n/format";
import type { ImpactSummary, ProcurementLesson, ReportDeviceRow } from "~/models/impact.server";
import { pdfFonts, renderPdf, type PdfDocument } from "./pdf.server";

export type ImpactReportInput = {
  cityName: string;
  scopeName: string;
  summary: ImpactSummary;
  devices: ReportDeviceRow[];
  lessons: ProcurementLesson[];
  head: { hash: string; seq: number } | null;
  generatedAt: number;
  language: Language;
  t: TFunction;
};

const ink = "#0f172a";
const muted = "#475569";
const bar = "#1d4ed8";
const LEFT = 50;
const WIDTH = 495;

function heading(document: PdfDocument, text: string) {
  if (document.y > 720) document.addPage();
  document.moveDown(0.8).font(pdfFonts.bold).fontSize(13).fillColor(ink).text(text, LEFT, document.y, { width: WIDTH });
  document.moveDown(0.3);
}

/** A table of fixed columns (widths in points), starting a new page when the page is full. */
function table(document: PdfDocument, columns: { title: string; width: number; align?: "left" | "right" }[], rows: string[][]) {
  const line = (cells: string[], bold: boolean) => {
    if (document.y > 770) document.addPage();
    const y = document.y;
    let x = LEFT;
    let bottom = y;
    cells.forEach((cell, index) => {
      const column = columns[index]!;
      document
        .font(bold ? pdfFonts.bold : pdfFonts.regular)
        .fontSize(7.5)
        .fillColor(ink)
        .text(cell, x, y, { width: column.width - 4, align: column.align ?? "left" });
      bottom = Math.max(bottom, document.y);
      x += column.width;
    });
    document.y = bottom + 2;
  };
  line(
    columns.map((column) => column.title),
    true,
  );
  for (const row of rows) line(row, false);
  document.x = LEFT;
}

function barChart(document: PdfDocument, title: string, points: { label: string; value: number }[], format: (value: number) => string) {
  if (document.y > 620) document.addPage();
  document.font(pdfFonts.bold).fontSize(9).fillColor(ink).text(title, LEFT, document.y, { width: WIDTH });
  const top = document.y + 6;
  const height = 110;
  const max = Math.max(1, ...points.map((point) => point.value));
  const step = WIDTH / Math.max(1, points.length);
  document
    .strokeColor("#cbd5e1")
    .lineWidth(0.5)
    .moveTo(LEFT, top + height)
    .lineTo(LEFT + WIDTH, top + height)
    .stroke();
  document
    .font(pdfFonts.regular)
    .fontSize(7)
    .fillColor(muted)
    .text(format(max), LEFT, top - 2, { width: 80 });
  const labelEvery = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((point, index) => {
    const barHeight = (point.value / max) * (height - 12);
    document.rect(LEFT + index * step + step * 0.15, top + height - barHeight, step * 0.7, barHeight).fill(bar);
    if (index % labelEvery === 0) {
      document
        .font(pdfFonts.regular)
        .fontSize(6.5)
        .fillColor(muted)
        .text(point.label, LEFT + index * step - 10, top + height + 3, { width: step + 20, align: "center" });
    }
  });
  document.y = top + height + 16;
  document.x = LEFT;
}

export function renderImpactReportPdf(input: ImpactReportInput): Promise<Buffer> {
  const { summary, t, language } = input;
  const number = (value: number, digits = 0) => formatNumber(value, language, { maximumFractionDigits: digits });
  const euro = (value: number) => formatNumber(value, language, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const day = (text: string) => formatDate(new Date(`${text}T12:00:00Z`), language);
  const month = (text: string) =>
    new Intl.DateTimeFormat(language === "nl" ? "nl-BE" : "en-GB", { month: "short", year: "2-digit", timeZone: "UTC" }).format(
      new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, 15)),
    );
  return renderPdf({ size: "A4", margin: 50, info: { Title: t("impact.report.title"), Author: input.cityName } }, (document) => {
    document.font(pdfFonts.bold).fontSize(18).fillColor(ink).text(t("impact.report.title"), LEFT, 50, { width: WIDTH });
    document.font(pdfFonts.regular).fontSize(11).fillColor(ink).text(`${input.cityName} — ${input.scopeName}`, { width: WIDTH });
    document
      .fontSize(10)
      .fillColor(muted)
      .text(t("impact.period.line", { from: day(summary.period.from), to: day(summary.period.to) }), { width: WIDTH });

    heading(document, t("impact.totals.title"));
    const totals = summary.totals;
    table(
      document,
      [
        { title: t("impact.figures.devicesRedeployed"), width: 100, align: "right" },
        { title: t("impact.figures.kgCo2eAvoided"), width: 100, align: "right" },
        { title: t("impact.figures.kgEwasteDiverted"), width: 100, align: "right" },
        { title: t("impact.figures.eurReplacementAvoided"), width: 100, align: "right" },
        { title: t("impact.figures.devicesRecycled"), width: 95, align: "right" },
      ],
      [
        [
          number(totals.devicesRedeployed),
          number(totals.kgCo2eAvoided),
          number(totals.kgEwasteDiverted),
          euro(totals.eurReplacementAvoided),
          number(summary.devicesRecycled),
        ],
      ],
    );

    heading(document, t("impact.months.title"));
    barChart(
      document,
      t("impact.months.devicesChart"),
      summary.byMonth.map((row) => ({ label: month(row.month), value: row.devicesRedeployed })),
      (value) => number(value),
    );
    barChart(
      document,
      t("impact.report.carbonPerMonth"),
      summary.byMonth.map((row) => ({ label: month(row.month), value: row.kgCo2eAvoided })),
      (value) => `${number(value)} kg`,
    );

    heading(document, t("impact.departments.title"));
    table(
      document,
      [
        { title: t("impact.departments.department"), width: 145 },
        { title: t("impact.figures.devicesRedeployed"), width: 70, align: "right" },
        { title: t("impact.figures.kgCo2eAvoided"), width: 70, align: "right" },
        { title: t("impact.figures.kgEwasteDiverted"), width: 70, align: "right" },
        { title: t("impact.figures.eurReplacementAvoided"), width: 70, align: "right" },
        { title: t("impact.figures.devicesRecycled"), width: 70, align: "right" },
      ],
      summary.byDepartment.map((row) => [
        row.departmentName,
        number(row.devicesRedeployed),
        number(row.kgCo2eAvoided),
        number(row.kgEwasteDiverted),
        euro(row.eurReplacementAvoided),
        number(row.devicesRecycled),
      ]),
    );

    heading(document, t("impact.report.devicesTitle"));
    table(
      document,
      [
        { title: t("impact.report.date"), width: 60 },
        { title: t("impact.report.kind"), width: 55 },
        { title: t("impact.report.assetTag"), width: 60 },
        { title: t("impact.report.device"), width: 120 },
        { title: t("impact.report.destination"), width: 90 },
        { title: t("impact.report.certificate"), width: 70 },
        { title: "kg CO2e", width: 40, align: "right" },
      ],
      input.devices.map((row) => [
        new Date(row.at).toISOString().slice(0, 10),
        t(`impact.report.kinds.${row.kind}`),
        row.assetTag,
        `${row.manufacturer} ${row.model}`,
        row.kind === "recycled" ? row.destination : t(`impact.destinations.${row.destination}`),
        row.certificateNumber ?? "—",
        row.kgCo2e > 0 ? number(row.kgCo2e) : "—",
      ]),
    );

    heading(document, t("impact.report.sourcesTitle"));
    const sources = new Map<string, number>();
    for (const row of input.devices) if (row.carbonReference) sources.set(row.carbonReference, (sources.get(row.carbonReference) ?? 0) + 1);
    table(
      document,
      [
        { title: t("impact.report.source"), width: 420 },
        { title: t("impact.report.devices"), width: 75, align: "right" },
      ],
      [...sources].map(([reference, count]) => [reference, number(count)]),
    );
    document
      .font(pdfFonts.regular)
      .fontSize(7.5)
      .fillColor(muted)
      .text(`${t("impact.boaviztaCredit")} Boavizta (github.com/Boavizta/environmental-footprint-data).`, LEFT, document.y + 4, { width: WIDTH });

    heading(document, t("impact.report.lessonsTitle"));
    table(
      document,
      [
        { title: t("impact.report.device"), width: 165 },
        { title: t("impact.report.devices"), width: 50, align: "right" },
        { title: t("impact.report.firstLife"), width: 70, align: "right" },
        { title: t("impact.report.secondLife"), width: 70, align: "right" },
        { title: t("impact.report.reused"), width: 70, align: "right" },
        { title: t("impact.report.recycled"), width: 70, align: "right" },
      ],
      input.lessons.map((lesson) => [
        `${lesson.manufacturer} ${lesson.model}`,
        number(lesson.devices),
        lesson.firstLifeYears === null ? "—" : number(lesson.firstLifeYears, 1),
        lesson.secondLifeYears === null ? "—" : number(lesson.secondLifeYears, 1),
        `${number(lesson.reusedShare * 100)} %`,
        `${number(lesson.recycledShare * 100)} %`,
      ]),
    );

    heading(document, t("impact.report.ledgerTitle"));
    document
      .font(pdfFonts.regular)
      .fontSize(9)
      .fillColor(ink)
      .text(t("impact.report.ledger", { date: formatDate(input.generatedAt, language), seq: input.head?.seq ?? 0 }), LEFT, document.y, { width: WIDTH });
    document
      .font(pdfFonts.bold)
      .fontSize(8)
      .text(input.head?.hash ?? "—", { width: WIDTH });
  });
}
