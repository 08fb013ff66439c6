// Answering a refused command, on a page or in the API, through the one refusal table
// (app/commands/refusals.ts): the same refusal gets the same status everywhere.
import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { refusalAnswer, refusalFieldErrors, refusalProblems, type Refusal } from "~/commands/refusals";
import { messageParts } from "~/forms/fields";
import { lookupTranslation, translate } from "~/i18n/lookup";

const english = (messageKey: string) => lookupTranslation("en", messageKey) ?? messageKey;

/** A problem given as a translation key with values ("key {json}") in English; any other problem as it is. */
function englishProblem(problem: string): string {
  const { key, values } = messageParts(problem);
  return key.startsWith("errors.") && lookupTranslation("en", key) !== undefined ? translate("en", key, values) : problem;
}

/**
 * The API's error body for a refusal: English message and field messages. Problems found in an
 * uploaded text are said in the message itself, under their field, and as `problems`.
 */
export function apiRefusal(refusal: Refusal): Response {
  const answer = refusalAnswer(refusal);
  const fieldKeys = refusalFieldErrors(refusal);
  const refusalFound = refusalProblems(refusal);
  const found = refusalFound && { ...refusalFound, problems: refusalFound.problems.map(englishProblem) };
  const fields = fieldKeys
    ? Object.fromEntries(Object.entries(fieldKeys).map(([field, keys]) => [field, keys.map(english)]))
    : found
      ? { [found.field]: found.problems }
      : undefined;
  const message = [english(answer.messageKey), ...(found?.problems ?? [])].join(" ");
  const error = { code: answer.apiCode, message, ...(fields ? { fields } : {}), ...(found ? { problems: found.problems } : {}) };
  return Response.json({ error }, { status: answer.status });
}

/**
 * A conform form's answer to a refusal: messages next to the fields it names, else one message for
 * the whole form; the user's input is kept.
 */
export function formRefusal<Output>(
  submission: Submission<Record<string, unknown>, string[], Output>,
  refusal: Refusal,
  /** Fields whose input is not sent back (passwords). */
  hideFields: string[] = [],
) {
  const answer = refusalAnswer(refusal);
  const fieldErrors = refusalFieldErrors(refusal);
  const reply = fieldErrors ? submission.reply({ fieldErrors, hideFields }) : submission.reply({ formErrors: [answer.messageKey], hideFields });
  return data(reply, { status: answer.status });
}

/**
 * For pages with several forms told apart by an `intent`: which form answered, its conform reply
 * (when it has fields) and the refusal's message for the page.
 */
export function intentRefusal<Intent extends string, Output>(
  intent: Intent,
  refusal: Refusal,
  submission?: Submission<Record<string, unknown>, string[], Output>,
) {
  const answer = refusalAnswer(refusal);
  const fieldErrors = refusalFieldErrors(refusal);
  const problems = refusalProblems(refusal)?.problems;
  if (submission && fieldErrors) return data({ intent, result: submission.reply({ fieldErrors }), refusal: null, problems }, { status: answer.status });
  return data({ intent, result: submission ? submission.reply() : null, refusal: answer.messageKey, problems }, { status: answer.status });
}
