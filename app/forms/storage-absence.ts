// The "no storage present" record's form: what the technician checked (optional), shared by the device
// page (client and server) and the record-storage-absence command, which adds the device. The notes go
// on the certificate, so they hold only characters its fonts print.
import { z } from "zod";
import { optionalPrintableText } from "./fields";

export const storageAbsenceForm = z.object({
  /** What was checked, e.g. "M.2 slot and drive bay empty, no eMMC on the board"; printed on the certificate. */
  notes: optionalPrintableText(1000, { multiline: true }),
});
