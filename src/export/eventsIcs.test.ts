import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { Correction } from "../domain/correction.js";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { Event } from "../domain/event.js";
import { eventsToIcs, icsPieces } from "./eventsIcs.js";

const event = Event.parse({
  id: "2025-guidelines",
  title: { en: "Guidelines published", zh: "指南发布" },
  summary: { en: "The guidelines took effect on 2 August 2025." },
  date: { start: "2025-07-18" },
  effectiveDates: [{ date: "2025-08-02", label: { en: "took effect" } }],
});
const correction = (field: Correction["field"], en: string) =>
  Correction.parse({
    event: event.id,
    field,
    claim: { en: "took effect" },
    correction: { en },
    verification: "official",
    sources: ["https://example.org/record"],
  });
const corrections = correctionsByEvent([
  correction("summary", "Guidelines are not binding; the AI Act's duties applied from that day."),
  correction("date", "The Commission published them on 18 July 2025; the date stays as imported."),
]);

const entries = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

describe("eventsToIcs › corrections", () => {
  const [day, effective] = entries(eventsToIcs([event], { baseUrl: "http://x", lang: "en", corrections }));

  it("says every correction in the event day's description, after the summary, its dates unchanged", () => {
    assert.equal(day?.startDate.toString(), "2025-07-18");
    const description = day?.description ?? "";
    assert.ok(description.startsWith("The guidelines took effect on 2 August 2025.\n\n"), description);
    assert.match(
      description,
      /Correction \(summary\): Guidelines are not binding; .* \(checked against the official text; source: https:\/\/example\.org\/record\)/,
    );
    assert.match(description, /Correction \(date\): The Commission published them on 18 July 2025/);
  });

  it("gives an effective-date entry only the corrections of what it shows (title, effective dates)", () => {
    assert.equal(effective?.startDate.toString(), "2025-08-02");
    assert.equal(effective?.description ?? null, null);
    const [, withDates] = entries(
      eventsToIcs([event], {
        baseUrl: "http://x",
        lang: "en",
        corrections: correctionsByEvent([correction("effectiveDates", "Nothing took effect on 2 August.")]),
      }),
    );
    assert.match(withDates?.description ?? "", /^Correction \(effective dates\): Nothing took effect/);
  });

  it("writes the same entries when streamed in pieces", () => {
    const pieces = icsPieces({ baseUrl: "http://x", lang: "zh", corrections });
    const streamed = pieces.head + pieces.events([event]) + pieces.tail;
    const [piece] = entries(streamed);
    assert.match(piece?.description ?? "", /更正（摘要）：Guidelines are not binding/);
  });
});
