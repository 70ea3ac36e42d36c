import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Event } from "../../domain/event.js";
import { eventFromForm, formFieldOf, formFromEvent, formFromFields, patchOf } from "./eventForm.js";

const event = Event.parse({
  id: "2025-test-event",
  title: { zh: "测试", en: "A test" },
  summary: { en: "First line.\nSecond line." },
  date: { start: "2025-03" },
  jurisdictions: ["EU", "CN"],
  tags: ["safety"],
  sources: [{ note: 1, url: "https://example.org/a", publisher: "Example" }, { text: "A book" }],
});

/** The form as a browser posts it: every input, textarea line breaks as CRLF. */
function posted(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, v.replace(/\n/g, "\r\n")]));
}

function fieldsOf(form: ReturnType<typeof formFromEvent>): Record<string, string> {
  const fields: Record<string, string> = { ...form.single };
  for (const [list, rows] of Object.entries(form.rows))
    rows.forEach((row, i) => {
      for (const [name, value] of Object.entries(row.values)) fields[`${list}.${i}.${name}`] = value;
    });
  return fields;
}

describe("eventForm", () => {
  it("gives back the same event from an untouched form (no change to propose)", () => {
    const { input } = eventFromForm(event.id, formFromFields(posted(fieldsOf(formFromEvent(event)))));
    assert.deepEqual(patchOf(event, Event.parse(input)), {});
  });

  it("proposes only the fields that differ, rows removed and blank rows left out", () => {
    const fields = fieldsOf(formFromEvent(event));
    fields["title.en"] = "A better test";
    fields["sources.0.remove"] = "on";
    const { input } = eventFromForm(event.id, formFromFields(posted(fields)));
    const patch = patchOf(event, Event.parse(input));
    assert.deepEqual(Object.keys(patch), ["title", "sources"]);
    assert.deepEqual(patch.sources, [{ note: null, url: null, publisher: null, text: "A book" }]);
  });

  it("names the form row of a refused list item, not its place in the list", () => {
    const fields = fieldsOf(formFromEvent(event));
    fields["sources.0.remove"] = "on";
    fields["sources.2.url"] = "ftp://example.org";
    const { input, rowOf } = eventFromForm(event.id, formFromFields(posted(fields)));
    const result = Event.safeParse(input);
    assert.equal(result.success, false);
    const paths = result.error?.issues.map((issue) => formFieldOf(issue.path as (string | number)[], rowOf));
    assert.deepEqual(paths, ["sources.2.url"]);
    assert.equal(formFieldOf(["date", "precision"], rowOf), "date.start");
    assert.equal(formFieldOf(["jurisdictions", 3], rowOf), "jurisdictions");
    assert.equal(
      formFieldOf(["relations", 0, "label", "en"], { ...rowOf, relations: [4] }),
      "relations.4.label.en",
    );
  });
});
