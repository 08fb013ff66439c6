// What the device page's action sends back to one of its forms: conform's reply to that form.
import type { SubmissionResult } from "@conform-to/react";

export type FormResult = SubmissionResult<string[]> | null | undefined;
