// How the import pages say a refusal: its status, its message key and its field messages, from the one refusal table.
import { refusalAnswer, refusalFieldErrors, type Refusal } from "~/commands/refusals";

export function refusalReply(refusal: Refusal): { status: number; messageKey: string; fields: Record<string, string[]> | null } {
  const answer = refusalAnswer(refusal);
  return { status: answer.status, messageKey: answer.messageKey, fields: refusalFieldErrors(refusal) };
}
