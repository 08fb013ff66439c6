// The impact figures for a period, aggregated in SQL over the custody ledger's (type, at, device_id)
// index: one pass over the period's handovers and one over its recyclings, grouped by department and
// month, never loading every device. The rules are app/domain/impact.ts's; a test recomputes the totals
// device by device with them.
import { sql, type SQL } from "drizzle-orm";
import { db, type CircuitDatabase } from "~/db.server";
import { deviceTypes, type DeviceType } from "~/domain/devices";
import {
  addFigures,
  cityDay,
  defaultWeightsKg,
  destinations,
  monthsOf,
  noFigures,
  replacementPrices,
  roundFigures,
  type Destination,
  type ImpactFigures,
  type Period,
} from "~/domain/impact";

/** Whose figures: the whole city (coordinator, public) or one department's devices. */
export type ImpactScope = { kind: "all" } | { kind: "department"; departmentId: number };

export type ImpactSummary = {
  period: Period;
  totals: ImpactFigures;
  byMonth: ({ month: string } & ImpactFigures)[];
  byDepartment: ({ departmentId: number; departmentName: string; devicesRecycled: number } & ImpactFigures)[];
  destinations: Record<Destination, number>;
  devicesRecycled: number;
  serviceLife: {
    /** Purchase → recycling of devices recycled in the period that were never reused (years), and how many had a purchase date. */
    recycledWithoutReuse: { years: number | null; devices: number };
    /** Purchase → registration of devices first redeployed in the period. */
    reusedFirstLife: { years: number | null; devices: number };
    /** Handover → return, recycling or today, per redeployment in the period. */
    reusedSecondLife: { years: number | null; redeployments: number };
  };
};

/** The replacement prices in force: the defaults, or IMPACT_REPLACEMENT_PRICES_EUR ("laptop=950,monitor=180"). */
export function impactPrices(): Record<DeviceType, number> {
  return replacementPrices(process.env.IMPACT_REPLACEMENT_PRICES_EUR);
}

function byType(values: Record<DeviceType, number>): SQL {
  // Numbers from the domain's tables, not user input: safe to inline, and the statement stays cacheable.
  return sql.raw(`CASE d.type ${deviceTypes.map((type) => `WHEN '${type}' THEN ${Number(values[type])}`).join(" ")} ELSE 0 END`);
}

function scopeCondition(scope: ImpactScope): SQL {
  return scope.kind === "all" ? sql`1` : sql`d.department_id = ${scope.departmentId}`;
}

function monthsTable(period: Period): SQL {
  const rows = monthsOf(period).map((month) => sql`(${month.month}, ${month.startMs}, ${month.endMs})`);
  return sql`months(month, start_ms, end_ms) AS (VALUES ${sql.join(rows, sql`, `)})`;
}

/** Milliseconds in a day, as a real so that SQLite divides without truncating. */
const DAY_MS = sql.raw("86400000.0");
/** Years from a calendar date column to an epoch-ms expression. */
const yearsSincePurchase = (epochMs: SQL) => sql`((${epochMs}) / ${DAY_MS} + 2440587.5 - julianday(d.purchase_date)) / 365.25`;

type HandoverGroup = {
  departmentId: number;
  month: string;
  destination: Destination;
  redeployed: number;
  co2: number;
  ewaste: number;
  eur: number;
  firstLifeSum: number;
  firstLifeCount: number;
  secondLifeSum: number;
  secondLifeCount: number;
};

/**
 * The period's handovers grouped by department, month and destination. Per handover, one probe of the
 * device's earlier handover (the counting rule), of its reservation (a sale?) and of what ended its
 * second life, each over the (device_id, seq) index.
 */
function handoverGroups(period: Period, scope: ImpactScope, now: number, database: CircuitDatabase): HandoverGroup[] {
  const prices = impactPrices();
  const firstOnly = (value: SQL) => sql`CASE WHEN h.prev_holder IS NULL THEN ${value} ELSE 0 END`;
  return database.all<HandoverGroup>(sql`
    WITH ${monthsTable(period)},
    h AS MATERIALIZED (
      SELECT e.seq, e.at, e.device_id, e.to_holder,
        (SELECT p.to_holder FROM custody_events p WHERE p.device_id = e.device_id AND p.type = 'handover' AND p.seq < e.seq ORDER BY p.seq DESC LIMIT 1) AS prev_holder,
        (SELECT json_extract(r.details, '$.purchaseId') FROM custody_events r WHERE r.device_id = e.device_id AND r.type = 'reserve' AND r.seq < e.seq ORDER BY r.seq DESC LIMIT 1) AS purchase_id,
        (SELECT n.at FROM custody_events n WHERE n.device_id = e.device_id AND n.seq > e.seq AND n.type IN ('return', 'recycle') ORDER BY n.seq LIMIT 1) AS ended_at
      FROM custody_events e
      WHERE e.type = 'handover' AND e.at >= ${period.startMs} AND e.at < ${period.endMs}
    )
    SELECT d.department_id AS departmentId, m.month AS month,
      CASE
        WHEN h.purchase_id IS NOT NULL THEN 'sold'
        WHEN json_extract(h.to_holder, '$.kind') = 'employee' THEN 'employee'
        ELSE coalesce((SELECT o.kind FROM organizations o WHERE o.id = json_extract(h.to_holder, '$.organizationId') AND o.kind IN ('school', 'nonprofit')), 'other')
      END AS destination,
      sum(CASE WHEN h.prev_holder IS NULL OR h.prev_holder <> h.to_holder THEN 1 ELSE 0 END) AS redeployed,
      sum(${firstOnly(sql`coalesce(d.carbon_kg_co2e, 0)`)}) AS co2,
      sum(${firstOnly(sql`coalesce(d.weight_kg, d.carbon_reference_weight_kg, ${byType(defaultWeightsKg)})`)}) AS ewaste,
      sum(${firstOnly(byType(prices))}) AS eur,
      sum(CASE WHEN h.prev_holder IS NULL AND d.purchase_date IS NOT NULL THEN max(0, ${yearsSincePurchase(sql`d.created_at`)}) ELSE 0 END) AS firstLifeSum,
      sum(CASE WHEN h.prev_holder IS NULL AND d.purchase_date IS NOT NULL THEN 1 ELSE 0 END) AS firstLifeCount,
      sum(max(0, coalesce(h.ended_at, ${now}) - h.at) / ${DAY_MS} / 365.25) AS secondLifeSum,
      count(*) AS secondLifeCount
    FROM h
    JOIN devices d ON d.id = h.device_id
    JOIN months m ON h.at >= m.start_ms AND h.at < m.end_ms
    WHERE ${scopeCondition(scope)}
    GROUP BY d.department_id, m.month, destination
  `);
}

type RecycleGroup = { departmentId: number; recycled: number; neverReusedLifeSum: number; neverReusedLifeCount: number };

function recycleGroups(period: Period, scope: ImpactScope, database: CircuitDatabase): RecycleGroup[] {
  return database.all<RecycleGroup>(sql`
    SELECT d.department_id AS departmentId, count(*) AS recycled,
      sum(CASE WHEN never_reused AND d.purchase_date IS NOT NULL THEN max(0, ${yearsSincePurchase(sql`r.at`)}) ELSE 0 END) AS neverReusedLifeSum,
      sum(CASE WHEN never_reused AND d.purchase_date IS NOT NULL THEN 1 ELSE 0 END) AS neverReusedLifeCount
    FROM (
      SELECT e.at, e.device_id,
        NOT EXISTS (SELECT 1 FROM custody_events p WHERE p.device_id = e.device_id AND p.type = 'handover' AND p.seq < e.seq) AS never_reused
      FROM custody_events e
      WHERE e.type = 'recycle' AND e.at >= ${period.startMs} AND e.at < ${period.endMs}
    ) r
    JOIN devices d ON d.id = r.device_id
    WHERE ${scopeCondition(scope)}
    GROUP BY d.department_id
  `);
}

const figuresOf = (group: HandoverGroup): ImpactFigures => ({
  devicesRedeployed: group.redeployed,
  kgCo2eAvoided: group.co2,
  kgEwasteDiverted: group.ewaste,
  eurReplacementAvoided: group.eur,
});

const average = (sum: number, count: number) => (count === 0 ? null : sum / count);

function departmentNames(ids: number[], database: CircuitDatabase): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = database.all<{ id: number; name: string }>(sql`SELECT id, name FROM organizations WHERE id IN (${sql.join(ids, sql`, `)})`);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Everything the dashboard and the report show for a period and scope (figures rounded for display). */
export function impactSummary(period: Period, scope: ImpactScope, now: number = Date.now(), database: CircuitDatabase = db): ImpactSummary {
  const handovers = handoverGroups(period, scope, now, database);
  const recycles = recycleGroups(period, scope, database);
  const months = new Map(monthsOf(period).map((month) => [month.month, noFigures]));
  const departments = new Map<number, { figures: ImpactFigures; recycled: number }>();
  const places = Object.fromEntries(destinations.map((destination) => [destination, 0])) as Record<Destination, number>;
  let totals = noFigures;
  let [firstLifeSum, firstLifeCount, secondLifeSum, secondLifeCount] = [0, 0, 0, 0];
  for (const group of handovers) {
    const figures = figuresOf(group);
    totals = addFigures(totals, figures);
    months.set(group.month, addFigures(months.get(group.month) ?? noFigures, figures));
    const department = departments.get(group.departmentId) ?? { figures: noFigures, recycled: 0 };
    departments.set(group.departmentId, { ...department, figures: addFigures(department.figures, figures) });
    places[group.destination] += group.redeployed;
    firstLifeSum += group.firstLifeSum;
    firstLifeCount += group.firstLifeCount;
    secondLifeSum += group.secondLifeSum;
    secondLifeCount += group.secondLifeCount;
  }
  let [neverReusedSum, neverReusedCount, devicesRecycled] = [0, 0, 0];
  for (const group of recycles) {
    const department = departments.get(group.departmentId) ?? { figures: noFigures, recycled: 0 };
    departments.set(group.departmentId, { ...department, recycled: department.recycled + group.recycled });
    devicesRecycled += group.recycled;
    neverReusedSum += group.neverReusedLifeSum;
    neverReusedCount += group.neverReusedLifeCount;
  }
  places.recycled = devicesRecycled;
  const names = departmentNames([...departments.keys()], database);
  return {
    period,
    totals: roundFigures(totals),
    byMonth: [...months].map(([month, figures]) => ({ month, ...roundFigures(figures) })),
    byDepartment: [...departments]
      .map(([departmentId, department]) => ({
        departmentId,
        departmentName: names.get(departmentId) ?? "",
        devicesRecycled: department.recycled,
        ...roundFigures(department.figures),
      }))
      .sort((a, b) => b.devicesRedeployed - a.devicesRedeployed || a.departmentName.localeCompare(b.departmentName)),
    destinations: places,
    devicesRecycled,
    serviceLife: {
      recycledWithoutReuse: { years: average(neverReusedSum, neverReusedCount), devices: neverReusedCount },
      reusedFirstLife: { years: average(firstLifeSum, firstLifeCount), devices: firstLifeCount },
      reusedSecondLife: { years: average(secondLifeSum, secondLifeCount), redeployments: secondLifeCount },
    },
  };
}

/** The city-wide figures anyone may see (public page, open data): totals and months, nothing finer. */
export function publicImpact(period: Period, now: number = Date.now(), database: CircuitDatabase = db) {
  const summary = impactSummary(period, { kind: "all" }, now, database);
  return { from: period.from, to: period.to, ...summary.totals, byMonth: summary.byMonth };
}

/** The years the period filter offers: from the ledger's first registration, handover or recycling to this year. */
export function impactYears(now: number = Date.now(), database: CircuitDatabase = db): number[] {
  const first = database.get<{ at: number | null }>(
    sql`SELECT min(at) AS at FROM (SELECT min(at) AS at FROM custody_events WHERE type = 'register' UNION ALL SELECT min(at) FROM custody_events WHERE type = 'handover')`,
  );
  const thisYear = Number(cityDay(now).slice(0, 4));
  const firstYear = first?.at ? Math.min(thisYear, Number(cityDay(first.at).slice(0, 4))) : thisYear;
  return Array.from({ length: thisYear - firstYear + 1 }, (_, index) => thisYear - index);
}

export type ReportDeviceRow = {
  kind: "redeployed" | "recycled";
  at: number;
  assetTag: string;
  manufacturer: string;
  model: string;
  type: DeviceType;
  departmentName: string;
  /** Redeployed: where it went (school, nonprofit, employee, sold, other); recycled: the recycler's name. */
  destination: string;
  /** Redeployed: the data-wipe certificate it left with; recycled: the recycler's certificate. */
  certificateNumber: string | null;
  /** Counted for carbon (its first handover), else 0. */
  kgCo2e: number;
  carbonSource: "model" | "type" | null;
  carbonReference: string | null;
};

/** The Fair ICT report's device list: the period's redeployments and recyclings, oldest first. */
export function impactReportDevices(period: Period, scope: ImpactScope, database: CircuitDatabase = db): ReportDeviceRow[] {
  return database.all<ReportDeviceRow>(sql`
    SELECT kind, at, assetTag, manufacturer, model, type, departmentName, destination, certificateNumber, kgCo2e, carbonSource, carbonReference FROM (
      SELECT 'redeployed' AS kind, e.at AS at, e.seq AS seq, d.asset_tag AS assetTag, d.manufacturer, d.model, d.type, o.name AS departmentName,
        CASE WHEN json_extract(e.to_holder, '$.kind') = 'employee' THEN 'employee'
          ELSE coalesce((SELECT h.kind FROM organizations h WHERE h.id = json_extract(e.to_holder, '$.organizationId') AND h.kind IN ('school', 'nonprofit')), 'other') END AS destination,
        (SELECT c.number FROM wipe_certificates c WHERE c.device_id = d.id AND c.issued_at <= e.at ORDER BY c.issued_at DESC LIMIT 1) AS certificateNumber,
        CASE WHEN EXISTS (SELECT 1 FROM custody_events p WHERE p.device_id = e.device_id AND p.type = 'handover' AND p.seq < e.seq) THEN 0 ELSE coalesce(d.carbon_kg_co2e, 0) END AS kgCo2e,
        d.carbon_source AS carbonSource, d.carbon_reference AS carbonReference
      FROM custody_events e JOIN devices d ON d.id = e.device_id JOIN organizations o ON o.id = d.department_id
      WHERE e.type = 'handover' AND e.at >= ${period.startMs} AND e.at < ${period.endMs} AND ${scopeCondition(scope)}
      UNION ALL
      SELECT 'recycled', e.at, e.seq, d.asset_tag, d.manufacturer, d.model, d.type, o.name,
        coalesce((SELECT r.name FROM organizations r WHERE r.id = json_extract(e.details, '$.recyclerId')), json_extract(e.to_holder, '$.name'), ''),
        json_extract(e.details, '$.certificateNumber'), 0, d.carbon_source, d.carbon_reference
      FROM custody_events e JOIN devices d ON d.id = e.device_id JOIN organizations o ON o.id = d.department_id
      WHERE e.type = 'recycle' AND e.at >= ${period.startMs} AND e.at < ${period.endMs} AND ${scopeCondition(scope)}
    ) ORDER BY at, seq
  `);
}

export type ProcurementLesson = {
  manufacturer: string;
  model: string;
  devices: number;
  firstLifeYears: number | null;
  secondLifeYears: number | null;
  reusedShare: number;
  recycledShare: number;
};

/**
 * "Procurement lessons": per maker and model of the devices redeployed or recycled in the period, how
 * many, their average first life (purchase → registration) and second life (all handovers → return,
 * recycling or now), and the share reused (handed over at least once) or recycled without reuse.
 */
export function procurementLessons(period: Period, scope: ImpactScope, now: number = Date.now(), database: CircuitDatabase = db): ProcurementLesson[] {
  return database.all<ProcurementLesson>(sql`
    WITH ids AS (
      SELECT DISTINCT device_id FROM custody_events WHERE type IN ('handover', 'recycle') AND at >= ${period.startMs} AND at < ${period.endMs}
    ),
    per AS (
      SELECT d.manufacturer, d.model,
        CASE WHEN d.purchase_date IS NULL THEN NULL ELSE max(0, ${yearsSincePurchase(sql`d.created_at`)}) END AS first_life,
        (SELECT sum(max(0, coalesce((SELECT n.at FROM custody_events n WHERE n.device_id = e.device_id AND n.seq > e.seq AND n.type IN ('return', 'recycle') ORDER BY n.seq LIMIT 1), ${now}) - e.at)) / ${DAY_MS} / 365.25
          FROM custody_events e WHERE e.device_id = d.id AND e.type = 'handover') AS second_life,
        EXISTS (SELECT 1 FROM custody_events e WHERE e.device_id = d.id AND e.type = 'handover') AS reused,
        d.status = 'recycled' AS recycled
      FROM ids JOIN devices d ON d.id = ids.device_id
      WHERE ${scopeCondition(scope)}
    )
    SELECT manufacturer, model, count(*) AS devices, avg(first_life) AS firstLifeYears, avg(second_life) AS secondLifeYears,
      avg(reused) AS reusedShare, avg(CASE WHEN recycled AND NOT reused THEN 1 ELSE 0 END) AS recycledShare
    FROM per GROUP BY manufacturer, model ORDER BY devices DESC, manufacturer, model
  `);
}
