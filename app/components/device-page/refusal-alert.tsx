// Why the last action on the device page was refused, with what a wipe log's reader could not use.
import { useTranslation } from "react-i18next";

export function RefusalAlert({ messageKey, problems }: { messageKey: string; problems?: readonly string[] | null }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
      <p>{t(messageKey)}</p>
      {problems?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
