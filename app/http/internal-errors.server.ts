// Errors nobody caught: logged with a random id, and answered with that id so that a report can be
// matched to the log. The API answers JSON ({"error":{"code":"internal","message","id"}}), never
// Remix's plain-text or Express's HTML 500.
import { randomBytes } from "node:crypto";
import type { ActionFunction, ActionFunctionArgs, LoaderFunction, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import type { ErrorRequestHandler } from "express";

/** Logs the error under a new id (with the request that met it) and returns the id. */
export function logInternalError(error: unknown, request: { method: string; url: string }): string {
  const id = randomBytes(6).toString("hex");
  console.error(`[error ${id}] ${request.method} ${request.url}`, error);
  return id;
}

export const internalErrorMessage = "Something went wrong on our side. If it keeps happening, report it with this id.";

export function apiInternalError(id: string): Response {
  return Response.json({ error: { code: "internal", message: internalErrorMessage, id } }, { status: 500 });
}

/**
 * Thrown on purpose: a Response (our API errors) or Remix's `data()` with a status (guards). Both
 * are answers, not failures.
 */
function isIntendedAnswer(thrown: unknown): boolean {
  if (thrown instanceof Response) return true;
  return typeof thrown === "object" && thrown !== null && "type" in thrown && thrown.type === "DataWithResponseInit";
}

async function answeringInternalErrors<Args extends LoaderFunctionArgs | ActionFunctionArgs>(
  handler: (args: Args) => ReturnType<LoaderFunction>,
  args: Args,
): Promise<unknown> {
  try {
    return await handler(args);
  } catch (thrown) {
    if (isIntendedAnswer(thrown)) throw thrown;
    return apiInternalError(logInternalError(thrown, args.request));
  }
}

/** Wraps one API route module's loader and action. */
export function withInternalErrorsAnswered<Module extends { loader?: LoaderFunction; action?: ActionFunction }>(module: Module): Module {
  const { loader, action } = module;
  return {
    ...module,
    ...(loader ? { loader: (args: LoaderFunctionArgs) => answeringInternalErrors(loader, args) } : {}),
    ...(action ? { action: (args: ActionFunctionArgs) => answeringInternalErrors(action, args) } : {}),
  };
}

/** The build with every /api/v1 route's loader and action wrapped (pages keep their error boundaries). */
export function withApiInternalErrors(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [
      id,
      route.path?.startsWith("api/v1") ? { ...route, module: withInternalErrorsAnswered(route.module) } : route,
    ]),
  );
  return { ...build, routes };
}

/**
 * Express's last error handler, for failures outside a route (the Remix adapter, middleware): JSON
 * for the API, a short text elsewhere, with the logged id either way.
 */
export const expressInternalErrors: ErrorRequestHandler = (error, request, response, next) => {
  if (response.headersSent) return next(error);
  const id = logInternalError(error, { method: request.method, url: request.originalUrl });
  if (request.path.startsWith("/api/")) {
    response.status(500).json({ error: { code: "internal", message: internalErrorMessage, id } });
    return;
  }
  response.status(500).type("text/plain").send(`Internal server error (id ${id}).`);
};
