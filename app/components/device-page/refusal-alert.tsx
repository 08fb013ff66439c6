// Why the last action on the device page was refused, with what a wipe log's reader could not use.
import { useTranslation } from "react-i18next";
import { messageParts } from "~/forms/fields";

export function RefusalAlert({ messageKey, problems }: { messageKey: string; problems?: readonly string[] | null }) {
  const { t } = useTranslation();
  // Problems Circuit words itself come as a translation key with values; the log reader's own stay as they are.
  const shownProblem = (problem: string) => {
    const { key, values } = messageParts(problem);
    return /^errors\.[\w.-]+$/.test(key) ? t(key, values) : problem;
  };
  return (
    <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
      <p>{t(messageKey)}</p>
      {problems?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {problems.map((problem) => (
            <li key={problem}>{shownProblem(problem)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
