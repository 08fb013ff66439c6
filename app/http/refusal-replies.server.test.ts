import { expect, test } from "vitest";
import { apiRefusal } from "./refusal-replies.server";

test("the API answers a refusal with its status, code and English messages, field messages translated", async () => {
  const response = apiRefusal({ reason: "invalid-input", fields: { email: ["errors.emailTaken"] } });
  expect(response.status).toBe(422);
  expect(await response.json()).toEqual({
    error: {
      code: "validation_failed",
      message: "Some fields are not valid.",
      fields: { email: ["An account with this e-mail address exists already. Sign in instead."] },
    },
  });
});

test("problems found in an uploaded log are said in the message, under the log field and as problems", async () => {
  const response = apiRefusal({ reason: "log-unreadable", problems: ["Drive S3Z1 has no serial."] });
  expect(response.status).toBe(422);
  expect(await response.json()).toEqual({
    error: {
      code: "unreadable_log",
      message: "The log could not be used. Nothing was saved. Drive S3Z1 has no serial.",
      fields: { log: ["Drive S3Z1 has no serial."] },
      problems: ["Drive S3Z1 has no serial."],
    },
  });
});

test("a refusal without fields has none", async () => {
  expect(await apiRefusal({ reason: "forbidden" }).json()).toEqual({ error: { code: "forbidden", message: "Your role may not do this." } });
});
