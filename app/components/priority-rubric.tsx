// The published priority rubric ("puntenschaal") in words, and a request's answers to it: shown on
// the request form, on the requests page and at the coordinator's approval.
import { useTranslation } from "react-i18next";
import { priorityRubric, rubricKinds, type RubricAnswers, type RubricKind } from "~/domain/priority-rubric";

/** The scale for one kind of organization, or for both. */
export function RubricScale({ kinds = rubricKinds }: { kinds?: readonly RubricKind[] }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-2">
      {kinds.map((kind) => (
        <div key={kind}>
          {kinds.length > 1 ? <h3 className="font-semibold text-slate-900">{t(`requests.rubric.${kind}`)}</h3> : null}
          <ul className="list-disc pl-5 text-sm text-slate-800">
            {priorityRubric[kind].map((item) => (
              <li key={item.criterion}>{t(`requests.rubric.criteria.${item.criterion}`, { points: item.maxPoints })}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** What the school or nonprofit answered, in words. */
export function rubricAnswersInWords(answers: RubricAnswers, t: (key: string, values?: Record<string, unknown>) => string): string {
  return answers.kind === "school"
    ? [
        t("requests.rubric.answers.pupilsWithoutDevice", { count: answers.pupilsWithoutDevice }),
        t("requests.rubric.answers.disadvantagedShare", { percent: answers.disadvantagedSharePercent }),
      ].join(" · ")
    : [
        t("requests.rubric.answers.peopleServed", { count: answers.peopleServed }),
        t(answers.vulnerable ? "requests.rubric.answers.vulnerable" : "requests.rubric.answers.notVulnerable"),
      ].join(" · ");
}
