// After an early answer (a 413 from request-body.server.ts), the rest of the request body is still on
// the wire. Node does not drain a body someone started reading, so the connection would stall and a
// browser still uploading might never show the answer. This pulls the rest off and throws it away,
// up to a cap; past the cap the connection is closed.
import type { RequestHandler } from "express";

/** Past this much unread body after the answer, the connection is closed instead of drained. */
export const maxDiscardBytes = 64 * 1024 * 1024;

export function discardUnreadBody(cap = maxDiscardBytes): RequestHandler {
  return (request, response, next) => {
    response.on("finish", () => {
      if (request.complete || request.destroyed) return;
      // The Remix adapter's stream pump listens for data and would buffer it; nobody reads it any more.
      request.removeAllListeners("data");
      let discarded = 0;
      request.on("data", (chunk: Buffer) => {
        discarded += chunk.byteLength;
        if (discarded > cap) request.destroy();
      });
      request.resume();
    });
    next();
  };
}
