import { data } from "@remix-run/node";
import { RouteErrorBoundary } from "~/components/error-page";

export async function loader() {
  throw data({ reason: "not-found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
