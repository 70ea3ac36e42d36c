import { z } from "zod";
import { invalidRequest } from "./appError.js";

/** How a query parameter may be given: at most once, or as a list (repeated and/or comma-separated). */
export type ParameterArity = "once" | "list";

/** The query parameters a route or page accepts, by name. */
export type AcceptedParameters = Readonly<Record<string, ParameterArity>>;

/** A route that takes no query parameters at all. */
export const NO_PARAMETERS: AcceptedParameters = Object.freeze({});

/**
 * Refuses a query that names a parameter the route does not accept, or gives a single-valued one twice:
 * bad input listing each offending parameter. Silently ignoring them answers a different question
 * than the one asked (`/api/stats?from=2025` would count everything), and taking the first of two
 * values hides a client's mistake. Names are looked up as own keys, so `__proto__` and `constructor`
 * are unknown like any other name.
 */
export function refuseUnexpectedParameters(params: URLSearchParams, accepted: AcceptedParameters): void {
  const errors: { parameter: string; message: string }[] = [];
  for (const name of new Set(params.keys())) {
    const arity = Object.hasOwn(accepted, name) ? accepted[name] : undefined;
    if (arity === undefined) {
      const known = Object.keys(accepted);
      errors.push({
        parameter: name,
        message: known.length
          ? `unknown parameter (accepted: ${known.join(", ")})`
          : "unknown parameter (this address takes none)",
      });
    } else if (arity === "once" && params.getAll(name).length > 1)
      errors.push({ parameter: name, message: "expected once" });
  }
  if (errors.length)
    throw invalidRequest(
      errors.map((e) => `${displayName(e.parameter)}: ${e.message}`).join("; "),
      errors.map((e) => ({ ...e, parameter: displayName(e.parameter) })),
    );
}

/** A parameter name as an error message may quote it: bounded, so that a 10 kB name is not echoed whole. */
function displayName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

/**
 * A parameter given once as a comma-separated list (`theme=labeling,minors`), read as its distinct
 * values, trimmed, empty ones dropped; with `upper`, codes upper-cased (`j=cn,eu` → CN, EU).
 */
export const commaList = (upper = false) =>
  z.string().transform((value) => [
    ...new Set(
      value
        .split(",")
        .map((part) => (upper ? part.trim().toUpperCase() : part.trim()))
        .filter(Boolean),
    ),
  ]);
