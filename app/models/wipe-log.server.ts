// Reading an uploaded wipe-tool log into draft wipe records for one device. Nothing is saved here:
// the technician reviews each draft and saves it as a wipe record.
import { draftsFromNwipeLog, type DraftsFromLog } from "~/domain/wipe-drafts";
import { parseNwipeLog } from "~/domain/nwipe-log";

/** At most this much log text is read (an nwipe log of a few drives is a few hundred kB). */
export const MAX_LOG_BYTES = 5 * 1024 * 1024;

export function wipeDraftsFromLog(device: { media: { id: number; serial: string }[] }, text: string): DraftsFromLog {
  if (text.length > MAX_LOG_BYTES) return { ok: false, problems: [`The log is larger than ${MAX_LOG_BYTES / 1024 / 1024} MB.`] };
  if (text.trim() === "") return { ok: false, problems: ["The log is empty: choose an nwipe log file."] };
  return draftsFromNwipeLog(parseNwipeLog(text), device.media);
}
