// Every body is read through app/http/request-body.server.ts, which holds it to a limit while it
// streams. A raw request.formData()/json()/text()/arrayBuffer()/blob() anywhere else reads a body whole.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const appDirectory = path.resolve(import.meta.dirname, "..");
const reader = path.join(appDirectory, "http", "request-body.server.ts");

/** A body read on something named like a request (request, req, webRequest, request.clone()…), or any formData() at all. */
const rawBodyRead =
  /\b(?:request|req|\w*Request)(?:\.clone\(\))?\.(?:formData|json|text|arrayBuffer|blob|bytes)\s*\(|\.formData\s*\(\s*\)|\b(?:request|req)\.body\b/;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "test" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test("the pattern finds the raw reads it is meant to find", () => {
  for (const line of [
    "const formData = await request.formData();",
    "parseWithZod(await request.formData(), { schema })",
    "body = await request.json();",
    "const log = await request.text();",
    "await args.request.arrayBuffer()",
    "await request.clone().json()",
    "const reader = request.body.getReader();",
    "await webRequest.blob()",
  ]) {
    expect(rawBodyRead.test(line), line).toBe(true);
  }
  for (const line of [
    "const formData = await readForm(request);",
    "await file.text()",
    "await response.json()",
    "readApiJson(request)",
    "json(approveRequest.body)",
  ]) {
    expect(rawBodyRead.test(line), line).toBe(false);
  }
});

test("no route, API module or helper reads a request body outside request-body.server.ts", () => {
  const files = sourceFiles(appDirectory).filter((file) => file !== reader);
  expect(files.some((file) => file.includes(`${path.sep}routes${path.sep}`))).toBe(true);
  const offenders = files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, index) => (rawBodyRead.test(line) ? [`${path.relative(appDirectory, file)}:${index + 1}: ${line.trim()}`] : [])),
  );
  expect(offenders).toEqual([]);
});
