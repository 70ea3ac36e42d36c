import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { checkObligations } from "../../obligations/checkObligations.js";
import { todayUtc, upcomingDeadlines } from "../../obligations/deadlines.js";
import type { ObligationsData } from "../../obligations/obligationsData.js";
import { MAX_PROFILE_BYTES, isCheckDate, profileFromJson } from "../../obligations/profileInput.js";
import { HttpProblem } from "../problem.js";
import { acceptsParameters, NO_PARAMETERS } from "../queryParameters.js";

const badDate = (parameter: string, value: string) =>
  new HttpProblem(400, `${parameter}: expected a date written YYYY-MM-DD, got "${value}"`, [
    { parameter, message: "expected a date written YYYY-MM-DD" },
  ]);

/**
 * GET /api/instruments, /api/instruments/{id}, /api/obligations, /api/deadlines, /api/coverage and
 * POST /api/check: the laws as cited records, what the checker covers, and the checker over them.
 */
export function registerObligationRoutes(app: Hono, data: ObligationsData): void {
  app.get("/api/instruments", acceptsParameters(NO_PARAMETERS), (c) =>
    c.json({
      items: data.instruments.map((instrument) => ({
        ...instrument,
        obligations: data.obligations.filter((o) => o.instrument === instrument.id).map((o) => o.id),
        amendedBy: data.instruments.filter((i) => i.amends.includes(instrument.id)).map((i) => i.id),
      })),
    }),
  );

  app.get("/api/instruments/:id", acceptsParameters(NO_PARAMETERS), (c) => {
    const id = c.req.param("id");
    const instrument = data.instruments.find((i) => i.id === id);
    if (!instrument) throw new HttpProblem(404, `no instrument with id "${id}"`);
    return c.json({
      ...instrument,
      obligations: data.obligations.filter((o) => o.instrument === id),
      amendedBy: data.instruments.filter((i) => i.amends.includes(id)).map((i) => i.id),
    });
  });

  app.get("/api/obligations", acceptsParameters(NO_PARAMETERS), (c) => c.json({ items: data.obligations }));

  app.get("/api/coverage", acceptsParameters(NO_PARAMETERS), (c) => c.json({ items: data.coverage }));

  app.get("/api/deadlines", acceptsParameters({ from: "once", limit: "once" }), (c) => {
    const from = c.req.query("from") ?? todayUtc();
    if (!isCheckDate(from)) throw badDate("from", from);
    const limitText = c.req.query("limit") ?? "20";
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 500)
      throw new HttpProblem(400, "limit: expected a whole number from 1 to 500", [
        { parameter: "limit", message: "expected a whole number from 1 to 500" },
      ]);
    const headers: Record<string, string> = c.req.query("from") ? {} : { "cache-control": "no-store" };
    return c.json({ from, items: upcomingDeadlines(data, from, limit) }, 200, headers);
  });

  app.post(
    "/api/check",
    acceptsParameters({ at: "once" }),
    bodyLimit({
      maxSize: MAX_PROFILE_BYTES,
      onError: () => {
        throw new HttpProblem(400, `the profile is larger than ${MAX_PROFILE_BYTES / 1024} KB`, [
          { parameter: "(body)", message: `larger than ${MAX_PROFILE_BYTES / 1024} KB` },
        ]);
      },
    }),
    async (c) => {
      const at = c.req.query("at") ?? todayUtc();
      if (!isCheckDate(at)) throw badDate("at", at);
      const parsed = profileFromJson(await c.req.text(), data);
      if ("issues" in parsed)
        throw new HttpProblem(
          400,
          `bad profile: ${parsed.issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`,
          parsed.issues.map((i) => ({ parameter: i.field, message: i.message })),
        );
      return c.json(checkObligations(data, parsed.profile, at), 200, { "cache-control": "no-store" });
    },
  );
}
