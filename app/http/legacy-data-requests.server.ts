// Remix's protocol from before single fetch (`?_data=<route id>`) is still answered by the server
// runtime, and wrongly for this single-fetch app: an action's `data(…)` answer was copied into a
// Response without a valid status, a RangeError, a 500 (and every such request logged a warning as
// an error). No client of this app sends `_data`: it is dropped from the address, and the request is
// answered as the page or API call it names.
import type { RequestHandler } from "express";

export function dropLegacyDataParameter(): RequestHandler {
  return (request, _response, next) => {
    const queryStart = request.originalUrl.indexOf("?");
    if (queryStart === -1) return next();
    const query = new URLSearchParams(request.originalUrl.slice(queryStart + 1));
    if (!query.has("_data")) return next();
    query.delete("_data");
    const rest = query.toString();
    // The Remix adapter builds the request's URL from originalUrl; Express routes on url.
    request.originalUrl = request.originalUrl.slice(0, queryStart) + (rest ? `?${rest}` : "");
    request.url = request.originalUrl;
    next();
  };
}
