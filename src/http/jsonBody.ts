import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HttpProblem } from "./problem.js";

// The body of an API write: JSON, of a bounded size. Read by the handler (after the token is checked,
// so that nobody unknown makes the server read a body), refused with a 400 naming "(body)" otherwise.

const bodyProblem = (detail: string, message = detail) =>
  new HttpProblem(400, detail, [{ parameter: "(body)", message }]);

/** Refuses a body larger than `maxBytes` before it is read whole (as POST /api/check does). */
export function jsonBodyLimit(maxBytes: number): MiddlewareHandler {
  const size = `${Math.round(maxBytes / 1024)} KB`;
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw bodyProblem(`the body is larger than ${size}`, `larger than ${size}`);
    },
  });
}

/** Whether a Content-Type names JSON: application/json or a +json type, with any parameters. */
function isJsonType(contentType: string | undefined): boolean {
  const essence = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || /^application\/[\w.+-]+\+json$/.test(essence);
}

/**
 * The request's JSON body, parsed; `undefined` when there is none and `optional` allows it (a
 * publication's note may be left out). A body sent as anything but JSON, or JSON that does not parse,
 * is a 400 saying which.
 */
export async function readJsonBody(c: Context, options: { optional?: boolean } = {}): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") {
    if (options.optional) return undefined;
    throw bodyProblem("expected a JSON body (Content-Type: application/json)", "missing");
  }
  if (!isJsonType(c.req.header("content-type")))
    throw new HttpProblem(
      400,
      `the body must be JSON sent as Content-Type: application/json, not ${c.req.header("content-type") ?? "without a Content-Type"}`,
      [{ parameter: "content-type", message: "expected application/json" }],
    );
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw bodyProblem(`the body is not valid JSON: ${(error as Error).message}`, "not valid JSON");
  }
}
