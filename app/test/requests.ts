// Requests and answers for tests that call loaders and route helpers directly.
import { startSession } from "~/auth/session.server";
import type { UserActor } from "~/domain/lifecycle";

/** A request to `url` from a browser signed in as `person`. */
export async function signedInRequest(person: UserActor, url: string): Promise<Request> {
  const setCookie = await startSession(person.userId, new Request("http://circuit.test/login"));
  return new Request(url, { headers: { Cookie: setCookie.split(";")[0] ?? "" } });
}

/** The status of a thrown answer: a Response (API, redirects) or a `data(…, {status})` (pages); null for anything else. */
export function thrownStatus(thrown: unknown): number | null {
  if (thrown instanceof Response) return thrown.status;
  if (typeof thrown === "object" && thrown !== null && "init" in thrown && typeof thrown.init === "object" && thrown.init !== null && "status" in thrown.init) {
    return Number(thrown.init.status);
  }
  return null;
}
