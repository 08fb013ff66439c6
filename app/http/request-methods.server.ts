// Remix answers the methods a form or fetch can send. Two others reached it and failed there:
// OPTIONS on a `.data` address ran the route's action as if it were a POST and was a 500, and TRACE
// (which Node's fetch Request refuses to build) was a 500 before any route ran. This app serves no
// cross-origin clients, so OPTIONS answers only which methods exist; anything else is a 405.
import type { RequestHandler } from "express";

const handledMethods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);
export const allowedMethods = [...handledMethods, "OPTIONS"].join(", ");

export function answerUnhandledMethods(): RequestHandler {
  return (request, response, next) => {
    if (handledMethods.has(request.method)) return next();
    response.set("Allow", allowedMethods);
    if (request.method === "OPTIONS") response.status(204).end();
    else response.status(405).type("text/plain").send("Method not allowed.");
  };
}
