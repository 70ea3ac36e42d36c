import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { AigovApp } from "../src/server/createApp.js";
import { startInProcessApp } from "./inProcessApp.js";

// A country with a province's events (CN: CN-BJ), one with states' (US), and a bloc (EU), counted by the
// one rule of domain/jurisdictionCounting.ts on every page and answer that shows a count.
const CODES = ["CN", "US", "EU"] as const;

describe("counts of a jurisdiction agree on every page that shows them", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, stop } = await startInProcessApp());
  });
  after(() => stop());
  const json = async <T>(path: string) =>
    (await (await app.hono.request(`http://localhost${path}`)).json()) as T;
  const text = async (path: string) => await (await app.hono.request(`http://localhost${path}`)).text();

  for (const code of CODES)
    it(`${code}: the same count in search, facets, stats, the jurisdictions, its profile, the map and the report`, async () => {
      const counts: Record<string, number> = {};
      counts["search filtered"] = (
        await json<{ total: number }>(`/api/events?jurisdiction=${code}&limit=1`)
      ).total;
      counts["search facet"] =
        (await json<{ facets: { jurisdiction: Record<string, number> } }>("/api/events?limit=1")).facets
          .jurisdiction[code] ?? -1;
      counts.stats =
        (await json<{ byJurisdiction: Record<string, number> }>("/api/stats")).byJurisdiction[code] ?? -1;
      counts["jurisdictions list"] =
        (await json<{ items: { code: string; count: number }[] }>("/api/jurisdictions")).items.find(
          (j) => j.code === code,
        )?.count ?? -1;
      counts.profile = (await json<{ total: number }>(`/api/jurisdictions/${code}`)).total;
      const profilePage = await text(`/jurisdictions/${code}?lang=en`);
      counts["profile page"] = Number(
        /<meta name="description" content="[^:]+: (\d+) events?"/.exec(profilePage)?.[1],
      );
      const map = await text("/map?lang=en");
      counts.map =
        code === "EU"
          ? Number(
              /href="\/jurisdictions\/EU\?lang=en">European Union<\/a>\s*<span class="count">(\d+) events?/.exec(
                map,
              )?.[1],
            )
          : Number(new RegExp(`data-code="${code}" data-count="(\\d+)"`).exec(map)?.[1]);
      // A report of the seed's events whose analysis is built from the data (a period other than the
      // calendar year, whose stored analysis has no counts): a section's heading says how many of the
      // jurisdiction's events in the whole report it lists ("10 of its 11 events at this level").
      const report = await text("/api/report?format=md&lang=en&from=2025-01-01&to=2025-12-30");
      const name = { CN: "China", US: "United States", EU: "European Union" }[code];
      const heading = new RegExp(`^\\s*- \\[\\d+\\. ${name} \\((?:\\d+ of its )?(\\d+) events?`, "m").exec(
        report,
      );
      counts.report = Number(heading?.[1]);
      const values = new Set(Object.values(counts));
      assert.equal(values.size, 1, `${code}: ${JSON.stringify(counts)}`);
      assert.ok([...values][0]! > 0);
    });

  it("says the rule on the pages that count", async () => {
    for (const path of ["/map", "/charts", "/compare", "/jurisdictions/CN"]) {
      const page = await text(`${path}?lang=en`);
      assert.match(
        page,
        /an event counts for each jurisdiction it names, and for the country of a state or province/,
        path,
      );
    }
  });
});
