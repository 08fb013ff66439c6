// Charts of the impact pages: SVG drawn on the server with d3-scale and d3-shape (they show without
// JavaScript and print), each with a text alternative and the table of its numbers.
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { useId } from "react";

export type ChartPoint = { label: string; value: number };

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 40, left: 56 };

type ChartProps = {
  title: string;
  /** The text alternative: what the chart says, in one sentence. */
  summary: string;
  points: ChartPoint[];
  /** The column headings of the numbers' table. */
  labelHeading: string;
  valueHeading: string;
  format: (value: number) => string;
};

function Axis({ ticks, format, y }: { ticks: number[]; format: (value: number) => string; y: (value: number) => number }) {
  // Small ranges give ticks (0.2, 0.4…) that print alike once rounded: keep one tick per label.
  const shown = ticks.filter((tick, index) => ticks.findIndex((other) => format(other) === format(tick)) === index);
  return (
    <g>
      {shown.map((tick) => (
        <g key={tick} transform={`translate(0, ${y(tick)})`}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} stroke="#cbd5e1" strokeWidth={1} />
          <text x={MARGIN.left - 6} dy="0.32em" textAnchor="end" fontSize={11} fill="#334155">
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Which category labels to print under the axis: all when few, else every nth, so they never overlap. */
function labelStep(count: number): number {
  return Math.max(1, Math.ceil(count / 12));
}

function NumbersTable({ points, labelHeading, valueHeading, format, caption }: Omit<ChartProps, "summary" | "title"> & { caption: string }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm text-blue-800 underline">{caption}</summary>
      <table className="mt-2 w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-3">
              {labelHeading}
            </th>
            <th scope="col" className="py-1 text-right">
              {valueHeading}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.label} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 font-normal">
                {point.label}
              </th>
              <td className="py-1 text-right tabular-nums">{format(point.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function ChartFrame({ title, summary, children, tableCaption, ...table }: ChartProps & { children: React.ReactNode; tableCaption: string }) {
  const id = useId();
  return (
    <figure className="min-w-0" data-chart>
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="mt-2 h-auto max-h-72 w-full"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <desc id={`${id}-desc`}>{summary}</desc>
        {children}
      </svg>
      <p className="sr-only">{summary}</p>
      <NumbersTable {...table} caption={tableCaption} />
    </figure>
  );
}

/** Bars per category (months, departments), on a zero-based scale. */
export function BarChart(props: ChartProps & { tableCaption: string }) {
  const { points, format } = props;
  const x = scaleBand<string>()
    .domain(points.map((point) => point.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const max = Math.max(1, ...points.map((point) => point.value));
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const step = labelStep(points.length);
  return (
    <ChartFrame {...props}>
      <Axis ticks={y.ticks(4)} format={format} y={y} />
      {points.map((point, index) => (
        <g key={point.label}>
          <rect x={x(point.label)} y={y(point.value)} width={x.bandwidth()} height={Math.max(0, HEIGHT - MARGIN.bottom - y(point.value))} fill="#1d4ed8" />
          {index % step === 0 ? (
            <text x={(x(point.label) ?? 0) + x.bandwidth() / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize={11} fill="#334155">
              {point.label}
            </text>
          ) : null}
        </g>
      ))}
    </ChartFrame>
  );
}

/** A line over ordered categories (the running total over months). */
export function LineChart(props: ChartProps & { tableCaption: string }) {
  const { points, format } = props;
  const x = scaleBand<string>()
    .domain(points.map((point) => point.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const max = Math.max(1, ...points.map((point) => point.value));
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const center = (point: ChartPoint) => (x(point.label) ?? 0) + x.bandwidth() / 2;
  const path =
    line<ChartPoint>()
      .x(center)
      .y((point) => y(point.value))(points) ?? "";
  const step = labelStep(points.length);
  return (
    <ChartFrame {...props}>
      <Axis ticks={y.ticks(4)} format={format} y={y} />
      <path d={path} fill="none" stroke="#15803d" strokeWidth={2.5} />
      {points.map((point, index) => (
        <g key={point.label}>
          <circle cx={center(point)} cy={y(point.value)} r={3} fill="#15803d" />
          {index % step === 0 ? (
            <text x={center(point)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize={11} fill="#334155">
              {point.label}
            </text>
          ) : null}
        </g>
      ))}
    </ChartFrame>
  );
}
