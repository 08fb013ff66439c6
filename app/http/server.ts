// The HTTP server around the Remix build: security headers (with a per-request CSP nonce), the
// cross-site check, static files, then Remix (its API routes answering uncaught errors as JSON).
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import morgan from "morgan";
import { sessionCookieName } from "~/auth/session.server";
import { env } from "~/env.server";
import { isCrossSiteMutation } from "./cross-site";
import { expressInternalErrors, withApiInternalErrors } from "./internal-errors.server";
import { dropLegacyDataParameter } from "./legacy-data-requests.server";
import { answerUnhandledMethods } from "./request-methods.server";
import { noStoreWhenSignedIn } from "./no-store.server";
import { discardUnreadBody } from "./unread-body.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
  }
}

export function createHttpApp(build: ServerBuild): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(compression());

  app.use((_request, response, next) => {
    response.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_request, response) => `'nonce-${(response as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:", "blob:"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      frameguard: { action: "deny" },
      referrerPolicy: { policy: "same-origin" },
    }),
  );

  app.use((request, response, next) => {
    const crossSite = isCrossSiteMutation({
      method: request.method,
      // Behind a proxy that rewrites Host, the browser's origin is the forwarded or public host.
      host: [request.get("host"), env.TRUST_PROXY ? request.get("x-forwarded-host") : undefined, env.PUBLIC_URL ? new URL(env.PUBLIC_URL).host : undefined],
      origin: request.get("origin"),
      secFetchSite: request.get("sec-fetch-site"),
    });
    if (crossSite) {
      // The API answers in its own error shape, as its OpenAPI document says.
      if (request.path.startsWith("/api/")) response.status(403).json({ error: { code: "cross_site", message: "This request came from another site." } });
      else response.status(403).type("text/plain").send("Forbidden: this request came from another site.");
      return;
    }
    next();
  });

  app.use(discardUnreadBody());
  app.use(answerUnhandledMethods());
  app.use(dropLegacyDataParameter());

  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  app.use(noStoreWhenSignedIn(sessionCookieName));
  if (env.NODE_ENV !== "test") app.use(morgan("tiny"));

  // Mounted without a path pattern: app.all("*") made Express percent-decode the path as a parameter, and a
  // malformed escape (/devices/%ZZ) was a 500 before Remix saw it; Remix answers it like any other address.
  app.use(
    createRequestHandler({
      build: withApiInternalErrors(build),
      mode: build.mode,
      getLoadContext: (_request, response) => ({ cspNonce: String(response.locals.cspNonce) }),
    }),
  );
  app.use(expressInternalErrors);
  return app;
}
