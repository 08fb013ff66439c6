// The published need-priority rubric ("puntenschaal"): the questions a school or nonprofit answers
// when it files a request, and the 0–100 priority they give. The coordinator approves with this
// priority or changes it with a reason. Employees' personal requests are not scored by it.
//
//   School                                                   Nonprofit
//   pupils without a device at home   0 / 10 / 20 / 30 / 40  people served         0 / 10 / 20 / 30 / 40
//   share with a school allowance or  ½ point per %, ≤ 50    mostly in a vulnerable 50
//     a disadvantage indicator                                 situation
//   needed within 30 days of filing   10                     needed within 30 days  10
//
// People are counted in brackets (1–9: 10, 10–24: 20, 25–49: 30, 50 or more: 40), so a rough count
// gives the same points as an exact one. Every path adds up to at most 100.
import { z } from "zod";

export const rubricKinds = ["school", "nonprofit"] as const;
export type RubricKind = (typeof rubricKinds)[number];

export type SchoolAnswers = { kind: "school"; pupilsWithoutDevice: number; disadvantagedSharePercent: number };
export type NonprofitAnswers = { kind: "nonprofit"; peopleServed: number; vulnerable: boolean };
export type RubricAnswers = SchoolAnswers | NonprofitAnswers;

/** Brackets of a head count, highest first: the first one reached gives its points. */
export const PEOPLE_BRACKETS = [
  { from: 50, points: 40 },
  { from: 25, points: 30 },
  { from: 10, points: 20 },
  { from: 1, points: 10 },
] as const;
export const DISADVANTAGED_POINTS_PER_PERCENT = 0.5;
export const DISADVANTAGED_MAX_POINTS = 50;
export const VULNERABLE_POINTS = 50;
export const URGENT_POINTS = 10;
export const URGENT_WITHIN_DAYS = 30;
export const RUBRIC_MAX = 100;

export const rubricCriteria = ["pupilsWithoutDevice", "disadvantagedShare", "peopleServed", "vulnerable", "urgent"] as const;
export type RubricCriterion = (typeof rubricCriteria)[number];

/** The published scale, per kind of organization: each criterion with the most it can give (the text is in the translations). */
export const priorityRubric: Record<RubricKind, readonly { criterion: RubricCriterion; maxPoints: number }[]> = {
  school: [
    { criterion: "pupilsWithoutDevice", maxPoints: PEOPLE_BRACKETS[0].points },
    { criterion: "disadvantagedShare", maxPoints: DISADVANTAGED_MAX_POINTS },
    { criterion: "urgent", maxPoints: URGENT_POINTS },
  ],
  nonprofit: [
    { criterion: "peopleServed", maxPoints: PEOPLE_BRACKETS[0].points },
    { criterion: "vulnerable", maxPoints: VULNERABLE_POINTS },
    { criterion: "urgent", maxPoints: URGENT_POINTS },
  ],
};

export type RubricScore = { priority: number; parts: { criterion: RubricCriterion; points: number }[] };

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** Points for a head count by the brackets; nobody (or nonsense) gives nothing. */
export function peoplePoints(count: number): number {
  const people = Math.floor(finite(count));
  return PEOPLE_BRACKETS.find((bracket) => people >= bracket.from)?.points ?? 0;
}

export function disadvantagedPoints(sharePercent: number): number {
  const share = Math.min(100, Math.max(0, finite(sharePercent)));
  return Math.min(DISADVANTAGED_MAX_POINTS, Math.round(share * DISADVANTAGED_POINTS_PER_PERCENT));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the request is needed within URGENT_WITHIN_DAYS of filing; both are calendar dates (YYYY-MM-DD). */
export function isUrgent(filedOn: string, neededBy: string): boolean {
  const filed = Date.parse(`${filedOn}T00:00:00Z`);
  const needed = Date.parse(`${neededBy}T00:00:00Z`);
  if (!Number.isFinite(filed) || !Number.isFinite(needed)) return false;
  return needed - filed <= URGENT_WITHIN_DAYS * DAY_MS;
}

/** The priority (0–100) the rubric gives a request, and the points of each criterion. */
export function rubricPriority(answers: RubricAnswers, dates: { filedOn: string; neededBy: string }): RubricScore {
  const parts: RubricScore["parts"] =
    answers.kind === "school"
      ? [
          { criterion: "pupilsWithoutDevice", points: peoplePoints(answers.pupilsWithoutDevice) },
          { criterion: "disadvantagedShare", points: disadvantagedPoints(answers.disadvantagedSharePercent) },
        ]
      : [
          { criterion: "peopleServed", points: peoplePoints(answers.peopleServed) },
          { criterion: "vulnerable", points: answers.vulnerable ? VULNERABLE_POINTS : 0 },
        ];
  parts.push({ criterion: "urgent", points: isUrgent(dates.filedOn, dates.neededBy) ? URGENT_POINTS : 0 });
  const priority = Math.min(
    RUBRIC_MAX,
    parts.reduce((total, part) => total + part.points, 0),
  );
  return { priority, parts };
}

/**
 * The rubric's answers among a request's optional fields, for the kind of organization filing it:
 * null when none was given (an old API client, an employee); "incomplete" when some but not all.
 */
export function rubricAnswersOf(
  kind: RubricKind,
  fields: { pupilsWithoutDevice?: number | null; disadvantagedSharePercent?: number | null; peopleServed?: number | null; vulnerable?: boolean | null },
): RubricAnswers | "incomplete" | null {
  if (kind === "school") {
    const { pupilsWithoutDevice, disadvantagedSharePercent } = fields;
    if (pupilsWithoutDevice == null && disadvantagedSharePercent == null) return null;
    if (pupilsWithoutDevice == null || disadvantagedSharePercent == null) return "incomplete";
    return { kind, pupilsWithoutDevice, disadvantagedSharePercent };
  }
  // "vulnerable" alone is a checkbox left unticked by default: only the head count makes the answers.
  if (fields.peopleServed == null) return fields.vulnerable ? "incomplete" : null;
  return { kind, peopleServed: fields.peopleServed, vulnerable: fields.vulnerable ?? false };
}

const storedAnswers = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("school"), pupilsWithoutDevice: z.number(), disadvantagedSharePercent: z.number() }),
  z.object({ kind: z.literal("nonprofit"), peopleServed: z.number(), vulnerable: z.boolean() }),
]);

/** Stored answers read back (device_requests.rubric_answers); anything else is no answers. */
export function parseRubricAnswers(json: string | null): RubricAnswers | null {
  if (json === null) return null;
  try {
    const parsed = storedAnswers.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whose requests the rubric scores: members of a school or nonprofit; an employee's personal request has none. */
export function rubricKindOf(role: string, organizationKind: string): RubricKind | null {
  if (role !== "recipient") return null;
  return organizationKind === "school" || organizationKind === "nonprofit" ? organizationKind : null;
}
