import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  disadvantagedPoints,
  isUrgent,
  parseRubricAnswers,
  peoplePoints,
  priorityRubric,
  rubricAnswersOf,
  rubricPriority,
  RUBRIC_MAX,
} from "./priority-rubric";

const later = { filedOn: "2026-12-01", neededBy: "2027-03-01" };
const soon = { filedOn: "2026-12-01", neededBy: "2026-12-20" };

describe("the priority rubric", () => {
  test("a school: pupils without a device by brackets, half a point per percent disadvantaged, urgency", () => {
    expect(rubricPriority({ kind: "school", pupilsWithoutDevice: 30, disadvantagedSharePercent: 60 }, later)).toEqual({
      priority: 60,
      parts: [
        { criterion: "pupilsWithoutDevice", points: 30 },
        { criterion: "disadvantagedShare", points: 30 },
        { criterion: "urgent", points: 0 },
      ],
    });
    expect(rubricPriority({ kind: "school", pupilsWithoutDevice: 120, disadvantagedSharePercent: 100 }, soon).priority).toBe(100);
    expect(rubricPriority({ kind: "school", pupilsWithoutDevice: 0, disadvantagedSharePercent: 0 }, later).priority).toBe(0);
  });

  test("a nonprofit: people served by brackets, 50 points when they are in a vulnerable situation", () => {
    expect(rubricPriority({ kind: "nonprofit", peopleServed: 12, vulnerable: true }, soon)).toEqual({
      priority: 80,
      parts: [
        { criterion: "peopleServed", points: 20 },
        { criterion: "vulnerable", points: 50 },
        { criterion: "urgent", points: 10 },
      ],
    });
    expect(rubricPriority({ kind: "nonprofit", peopleServed: 5, vulnerable: false }, later).priority).toBe(10);
  });

  test("the brackets and the share at their edges", () => {
    expect([0, 1, 9, 10, 24, 25, 49, 50, 10_000].map(peoplePoints)).toEqual([0, 10, 10, 20, 20, 30, 30, 40, 40]);
    expect([-5, 0, 1, 33, 99, 100, 250, Number.NaN].map(disadvantagedPoints)).toEqual([0, 0, 1, 17, 50, 50, 50, 0]);
    expect(isUrgent("2026-12-01", "2026-12-31")).toBe(true);
    expect(isUrgent("2026-12-01", "2027-01-01")).toBe(false);
    expect(isUrgent("2026-12-01", "not a date")).toBe(false);
  });

  test("every answer gives a whole priority from 0 to 100, and the published maxima add up to 100", () => {
    for (const kind of ["school", "nonprofit"] as const) {
      expect(priorityRubric[kind].reduce((total, criterion) => total + criterion.maxPoints, 0)).toBe(RUBRIC_MAX);
    }
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ kind: fc.constant("school" as const), pupilsWithoutDevice: fc.double(), disadvantagedSharePercent: fc.double() }),
          fc.record({ kind: fc.constant("nonprofit" as const), peopleServed: fc.double(), vulnerable: fc.boolean() }),
        ),
        fc.boolean(),
        (answers, urgent) => {
          const { priority, parts } = rubricPriority(answers, urgent ? soon : later);
          expect(Number.isInteger(priority)).toBe(true);
          expect(priority).toBeGreaterThanOrEqual(0);
          expect(priority).toBeLessThanOrEqual(100);
          expect(parts.reduce((total, part) => total + part.points, 0)).toBe(priority);
        },
      ),
    );
  });

  test("answers among a request's fields: none, some (incomplete) or all, per kind", () => {
    expect(rubricAnswersOf("school", {})).toBeNull();
    expect(rubricAnswersOf("school", { pupilsWithoutDevice: 4 })).toBe("incomplete");
    expect(rubricAnswersOf("school", { pupilsWithoutDevice: 4, disadvantagedSharePercent: 20, peopleServed: 9 })).toEqual({
      kind: "school",
      pupilsWithoutDevice: 4,
      disadvantagedSharePercent: 20,
    });
    expect(rubricAnswersOf("nonprofit", { vulnerable: false })).toBeNull();
    expect(rubricAnswersOf("nonprofit", { vulnerable: true })).toBe("incomplete");
    expect(rubricAnswersOf("nonprofit", { peopleServed: 30 })).toEqual({ kind: "nonprofit", peopleServed: 30, vulnerable: false });
  });

  test("stored answers are read back, anything else is no answers", () => {
    const stored = { kind: "nonprofit", peopleServed: 30, vulnerable: true };
    expect(parseRubricAnswers(JSON.stringify(stored))).toEqual(stored);
    expect(parseRubricAnswers(null)).toBeNull();
    expect(parseRubricAnswers("{")).toBeNull();
    expect(parseRubricAnswers('{"kind":"school"}')).toBeNull();
  });
});
