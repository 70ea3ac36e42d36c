import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DATA_DIR, readBundledDataset } from "../import/bundledDataset.js";
import { listDeadlines, upcomingDeadlines } from "../obligations/deadlines.js";
import { ObligationsDataError, readObligationsData } from "./obligationsData.js";

const data = readObligationsData();
const eventIds = new Set(readBundledDataset().events.map((e) => e.id));

describe("obligations data (data/instruments, data/obligations, data/corrections)", () => {
  it("links every instrument and correction to events of the bundled dataset", () => {
    for (const instrument of data.instruments)
      for (const id of instrument.events) assert.ok(eventIds.has(id), `${instrument.id} → ${id}`);
    for (const correction of data.corrections) assert.ok(eventIds.has(correction.event), correction.event);
  });

  it("covers the instruments the issue names, with their identifiers", () => {
    const identifiers = data.instruments.flatMap((i) => i.identifiers.map((x) => x.value));
    for (const value of [
      "32024R1689",
      "Regulation (EU) 2024/1689",
      "SB 53",
      "Statutes of 2025, chapter 138",
      "国信办通字〔2025〕2号",
      "GB 45438-2025",
      "Act No. 20676",
      "Act No. 53 of 2025",
      "134/2025/QH15",
    ])
      assert.ok(identifiers.includes(value), value);
  });

  it("keeps a source for every fact it calls verified, and says what it could not verify", () => {
    for (const instrument of data.instruments) {
      for (const fact of [...instrument.dates, ...instrument.identifiers])
        if (fact.verification !== "unverified")
          assert.ok(fact.verifiedFrom.length, `${instrument.id}: ${JSON.stringify(fact)}`);
      if (instrument.identifiers.some((x) => x.verification === "unverified"))
        assert.ok(instrument.unknowns.length, `${instrument.id} must say what is unverified`);
    }
  });

  it("records the Digital Omnibus as in force from 27 July 2026, read in the Official Journal, its changes as versions of the AI Act's duties", () => {
    const omnibus = data.instruments.find((i) => i.id === "eu-digital-omnibus-ai");
    assert.equal(omnibus?.status, "in-force");
    assert.deepEqual(omnibus?.amends, ["eu-ai-act"]);
    const inForce = omnibus.dates.find((d) => d.kind === "in-force");
    assert.equal(inForce?.date, "2026-07-27");
    // Read in a verbatim copy of the Official Journal file in a public repository, not on EUR-Lex: by
    // the rule of src/domain/instrument.ts that is secondary, however faithful the copy.
    for (const date of omnibus.dates) assert.notEqual(date.verification, "official", date.date);
    assert.ok(
      omnibus.identifiers.some(
        (i) => i.value === "Regulation (EU) 2026/1744" && i.verification === "secondary",
      ),
    );
    // No duty of its own: what it changed are versions of the AI Act's duties, in law from the day it entered into force.
    assert.ok(!data.obligations.some((o) => o.instrument === "eu-digital-omnibus-ai"));
    const amended = data.obligations.filter(
      (o) => o.inLaw?.changedBy?.instrument === "eu-digital-omnibus-ai",
    );
    assert.ok(amended.length >= 25, `${amended.length} amended versions`);
    for (const duty of amended) assert.equal(duty.inLaw?.from, "2026-07-27", duty.id);
    // The proposal's CELEX is PC (the proposal), not SC (the staff working document).
    assert.ok(omnibus.identifiers.some((i) => i.value === "52025PC0836"));
    const cited = [
      ...omnibus.identifiers.map((i) => i.value),
      ...omnibus.dates.flatMap((d) => d.verifiedFrom),
    ];
    assert.ok(!cited.some((text) => text.includes("52025SC0836")), cited.join(" "));
  });

  it("gives every duty a theme, an article, a source, a verification label and a date, and its instrument exists", () => {
    const instruments = new Set(data.instruments.map((i) => i.id));
    for (const duty of data.obligations) {
      assert.ok(duty.themes.length > 0, `${duty.id} has no theme`);
      assert.ok(duty.citation.article.trim(), `${duty.id} has no article`);
      assert.ok(duty.citation.verifiedFrom.length > 0, `${duty.id} has no source`);
      assert.ok(["official", "secondary", "unverified"].includes(duty.citation.verification), duty.id);
      assert.match(duty.from, /^\d{4}-\d{2}-\d{2}$/, `${duty.id} has no date`);
      assert.ok(instruments.has(duty.instrument), `${duty.id}: no instrument ${duty.instrument}`);
      for (const transition of duty.transitions)
        assert.ok(transition.citation.verifiedFrom.length > 0, `${duty.id}: a transition without a source`);
    }
  });

  it("lists each instrument's applicability dates once, with stable UIDs", () => {
    const deadlines = listDeadlines(data);
    const uids = deadlines.map((d) => d.uid);
    assert.equal(new Set(uids).size, uids.length);
    assert.ok(uids.includes("eu-ai-act-2026-08-02@aigov-obligations"));
    assert.ok(uids.includes("eu-ai-act-2027-08-02@aigov-obligations"));
    assert.ok(uids.includes("us-ca-sb-53-2026-01-01@aigov-obligations"));
    assert.ok(uids.includes("vn-ai-law-2026-03-01@aigov-obligations"));
    assert.deepEqual(
      upcomingDeadlines(data, "2026-02-01", 2).map((d) => d.uid),
      ["vn-ai-law-2026-03-01@aigov-obligations", "eu-digital-omnibus-ai-2026-07-27@aigov-obligations"],
    );
  });

  it("names the file and the field when a data file is wrong", () => {
    const dir = mkdtempSync(join(tmpdir(), "aigov-obligations-"));
    for (const folder of ["instruments", "obligations", "corrections"]) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, "instruments", "x.json"), JSON.stringify([{ id: "x", jurisdiction: "EU" }]));
    assert.throws(
      () => readObligationsData(dir),
      (error: Error) => {
        assert.ok(error instanceof ObligationsDataError);
        assert.match(error.message, /^data\/instruments\/x\.json: 0\.title: /);
        return true;
      },
    );
  });
});

describe("coverage (data/coverage.json)", () => {
  it("says, for every jurisdiction with duties, what is modelled and when it was checked", () => {
    const withDuties = new Set(data.obligations.map((o) => o.jurisdiction));
    for (const jurisdiction of withDuties) {
      const entry = data.coverage.find((c) => c.jurisdiction === jurisdiction);
      assert.ok(entry, `${jurisdiction} has a coverage entry`);
      assert.ok(entry.modelled.length, `${jurisdiction} says what is modelled`);
      assert.match(entry.checked, /^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("refuses a coverage line naming an instrument aigov does not hold, naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "aigov-coverage-"));
    for (const folder of ["instruments", "obligations", "corrections"]) mkdirSync(join(dir, folder));
    writeFileSync(
      join(dir, "jurisdictionGroups.json"),
      readFileSync(join(DATA_DIR, "jurisdictionGroups.json")),
    );
    writeFileSync(
      join(dir, "coverage.json"),
      JSON.stringify([
        {
          jurisdiction: "EU",
          checked: "2026-12-03",
          modelled: [{ instrument: "nope", parts: { en: "all" } }],
          notModelled: [],
        },
      ]),
    );
    assert.throws(
      () => readObligationsData(dir),
      (error: Error) =>
        error instanceof ObligationsDataError &&
        /^data\/coverage\.json: EU names unknown instrument "nope"$/.test(error.message),
    );
  });
});
