import type { Hono } from "hono";
import { listJurisdictions } from "../../storage/repos/jurisdictionRepo.js";
import type { AppContext } from "../appContext.js";
import type { CorrectionsByEvent } from "../../domain/correctionsByEvent.js";
import { presentEvent } from "../presenters/eventPresenter.js";
import { HttpProblem } from "../problem.js";
import { acceptsParameters, NO_PARAMETERS } from "../queryParameters.js";

/** GET /api/jurisdictions, /api/jurisdictions/{code} and /api/stats: the shape of the whole dataset. */
export function registerReferenceRoutes(
  app: Hono,
  context: AppContext,
  corrections: CorrectionsByEvent,
): void {
  const jurisdictionsWithCounts = async () => {
    const counts = (await context.search.currentIndex()).overallCounts().jurisdiction;
    const known = await listJurisdictions(context.db);
    const codes = new Set(known.map((j) => j.code));
    const unnamed = Object.keys(counts)
      .filter((code) => !codes.has(code))
      .map((code) => ({ code, kind: null, name: {}, parent: null }));
    return [...known, ...unnamed]
      .map((j) => ({
        code: j.code,
        kind: j.kind,
        name: j.name,
        parent: j.parent,
        count: counts[j.code] ?? 0,
      }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  };

  app.get("/api/jurisdictions", acceptsParameters(NO_PARAMETERS), async (c) =>
    c.json({ items: await jurisdictionsWithCounts() }),
  );

  app.get("/api/jurisdictions/:code", acceptsParameters(NO_PARAMETERS), async (c) => {
    const code = c.req.param("code").toUpperCase();
    const all = await jurisdictionsWithCounts();
    const jurisdiction = all.find((j) => j.code === code);
    if (!jurisdiction) throw new HttpProblem(404, `no jurisdiction with code "${code}"`);
    const result = await context.search.search({
      filter: { jurisdictions: [code] },
      sort: "-date",
      limit: 20,
      facets: true,
    });
    return c.json({
      ...jurisdiction,
      subdivisions: all.filter((j) => j.parent === code || j.code.startsWith(`${code}-`)).map((j) => j.code),
      total: result.total,
      facets: result.facets,
      latest: result.hits.map((hit) => presentEvent(hit.event, corrections)),
    });
  });

  app.get("/api/stats", acceptsParameters(NO_PARAMETERS), async (c) => {
    const index = await context.search.currentIndex();
    const counts = index.overallCounts();
    return c.json({
      total: index.size,
      byMonth: counts.month,
      byType: counts.type,
      byLevel: counts.level,
      byBindingness: counts.bindingness,
      byJurisdiction: counts.jurisdiction,
      byTag: counts.tag,
    });
  });
}
