import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { Event } from "../domain/event.js";
import { eventsToCsv } from "../export/eventsCsv.js";
import { openDatabase, type Database } from "../storage/database.js";
import { parseChronicle } from "./chronicle/parseChronicle.js";
import { ImportError } from "./importError.js";
import { applyImports, readImport, readTextEvents, type StreamFormat } from "./importFiles.js";

// Property-based tests of the readers: whatever the bytes, the only outcomes are events or one ImportError
// of one line (never another exception), and a failed import leaves the database exactly as it was.
//
// How many inputs each property tries: by default a number that keeps `npm test` quick (a new seed each
// run, so the runs of every `npm test` add up), with the kinds of damage found before always among them
// (`examples` below: each junk byte, read a byte at a time); AIGOV_FUZZ_RUNS=2000 for a deep run.
const runs = (quick: number) => Number(process.env.AIGOV_FUZZ_RUNS) || quick;

const SEED = new URL("../../data/seeds/2025-global-ai-governance-report.zh.txt", import.meta.url);
const seedText = readFileSync(SEED, "utf8");
const base = (i: number) => ({
  id: `fuzz-${i}`,
  seq: null,
  title: { en: `Event ${i}`, zh: `事件${i}` },
  summary: { en: 'A summary, with a comma and "quotes".' },
  date: { start: `2025-0${1 + (i % 9)}-1${i % 10}` },
  jurisdictions: ["EU"],
  tags: ["gpai"],
  sources: [{ note: 1, url: "https://example.org/a", publisher: "Ex", text: "Ex." }],
});
const events = Array.from({ length: 6 }, (_, i) => Event.parse(base(i)));
const VALID: Record<StreamFormat | "report", Buffer> = {
  json: Buffer.from(JSON.stringify(events, null, 2)),
  jsonl: Buffer.from(events.map((e) => JSON.stringify(e)).join("\n")),
  csv: Buffer.from(eventsToCsv(events)),
  report: Buffer.from(seedText.slice(0, 6000)),
};

const JUNK = ["\u0000", "\xff", "\xc3", "\ufeff", "\r"];

/**
 * Damage that has broken a reader before, as fixed examples: each junk byte inside the first record
 * (a raw CR quoted in an error once made it two lines), the file cut in the middle of one, and the file
 * as it is; all read a byte at a time, the split that cuts every token and character.
 */
const knownDamage = (input: Buffer): [Buffer, number][] => [
  ...JUNK.map((junk): [Buffer, number] => [
    Buffer.concat([input.subarray(0, 40), Buffer.from(junk, "latin1"), input.subarray(40)]),
    1,
  ]),
  [input.subarray(0, Math.floor(input.length / 2)), 1],
  [input, 1],
];

/** A mutation of a valid input: the kinds of damage real and hostile files show. */
const mutation = (input: Buffer) =>
  fc.oneof(
    fc.nat({ max: input.length }).map((at) => input.subarray(0, at)),
    fc
      .tuple(fc.nat({ max: input.length }), fc.uint8Array({ minLength: 1, maxLength: 8 }))
      .map(([at, bytes]) => Buffer.concat([input.subarray(0, at), Buffer.from(bytes), input.subarray(at)])),
    fc
      .tuple(fc.nat({ max: input.length }), fc.constantFrom(...JUNK))
      .map(([at, junk]) =>
        Buffer.concat([input.subarray(0, at), Buffer.from(junk, "latin1"), input.subarray(at)]),
      ),
    fc
      .tuple(fc.nat({ max: input.length }), fc.nat({ max: 64 }))
      .map(([at, length]) =>
        Buffer.concat([input.subarray(0, at), input.subarray(at, at + length), input.subarray(at)]),
      ),
    fc
      .tuple(
        fc.nat({ max: input.length }),
        // A run past every field's limit (a summary's is the highest, 50,000 characters), nesting past
        // any recursive parser's stack, and values JSON cannot hold. (The run was 200,000 characters:
        // read a byte at a time, as chunk 1 does, that alone took a third of this file's time.)
        fc.constantFrom("x".repeat(60_000), "[".repeat(20_000), '{"a":'.repeat(5000), "1e999", "null", '"'),
      )
      .map(([at, text]) => Buffer.concat([input.subarray(0, at), Buffer.from(text), input.subarray(at)])),
    fc.constant(input),
  );

// eslint-disable-next-line no-control-regex -- a one-line message has no control characters
const CONTROL = /[\u0000-\u001f]/;
const isOneLineError = (error: unknown) => error instanceof ImportError && !CONTROL.test(error.message);

/** Reads `bytes` in `format`; returns what happened, failing the property on any other exception. */
async function outcome(format: StreamFormat | "report", bytes: Buffer, chunk: number) {
  try {
    if (format === "report") parseChronicle(bytes.toString("utf8"), "fuzz.txt");
    else await readTextEvents(bytes, format, `fuzz.${format}`, chunk);
    return "read";
  } catch (error) {
    assert.ok(isOneLineError(error), `not an ImportError: ${(error as Error)?.stack ?? String(error)}`);
    return "refused";
  }
}

describe("readers under fuzzing", () => {
  for (const format of ["json", "jsonl", "csv", "report"] as const) {
    it(`${format}: mutated inputs give events or one ImportError`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constant(null).chain(() => mutation(VALID[format])),
          fc.constantFrom(1, 7, 4096),
          async (bytes, chunk) => {
            await outcome(format, bytes, chunk);
          },
        ),
        // 150 and 60 before: most of this file's time, each run a third of the time read byte by byte.
        { numRuns: runs(format === "report" ? 30 : 50), examples: knownDamage(VALID[format]) },
      );
    });
    it(`${format}: random bytes and random JSON give events or one ImportError`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
            fc.json().map((text) => Buffer.from(format === "jsonl" ? `${text}\n${text}` : text)),
            fc.array(fc.jsonValue(), { maxLength: 5 }).map((items) => Buffer.from(JSON.stringify(items))),
            fc.string({ unit: "binary", maxLength: 200 }).map((s) => Buffer.from(s)),
          ),
          async (bytes) => {
            await outcome(format, bytes, 64);
          },
        ),
        { numRuns: runs(100) },
      );
    });
  }
  it("refuses a duplicated id and a record of the wrong type, in every format", async () => {
    const twice = [...events, events[2]];
    for (const [format, text] of [
      ["json", JSON.stringify(twice)],
      ["jsonl", twice.map((e) => JSON.stringify(e)).join("\n")],
      ["csv", eventsToCsv(twice as Event[])],
    ] as const)
      await assert.rejects(readTextEvents(text, format, "d"), /id "fuzz-2" already used on line/);
    await assert.rejects(
      readTextEvents('[{"id":"a","title":{"en":5},"date":{"start":"2025"}}]', "json", "w"),
      /w:1: event 1 \(a\): title\.en/,
    );
  });
});

/** Every row of every table, to compare a database before and after. */
async function dump(db: Database): Promise<string> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
  const rows: unknown[] = [];
  for (const table of tables)
    rows.push(
      table,
      await db
        .selectFrom(table as never)
        .selectAll()
        .execute(),
    );
  return JSON.stringify(rows);
}

describe("a failed import leaves the database untouched (fuzzed)", () => {
  const dir = mkdtempSync(join(tmpdir(), "aigov-fuzz-"));
  let db: Database;
  before(async () => {
    db = await openDatabase({ kind: "sqlite", path: join(dir, "f.db") });
    const file = join(dir, "start.jsonl");
    writeFileSync(file, VALID.jsonl);
    await applyImports(db, [await readImport(file)]);
  });
  after(() => db.destroy());

  it("whether the file is refused by the check or changes between the check and the write", async () => {
    VALID.csv = Buffer.from(
      eventsToCsv(events.map((e) => ({ ...e, title: { en: `${e.title.en}!` } })) as unknown as Event[]),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom("json", "jsonl", "csv", "report" as const)
          .chain((format) => fc.tuple(fc.constant(format), mutation(VALID[format]), fc.boolean())),
        async ([format, bytes, swap]) => {
          const before = await dump(db);
          const file = join(dir, `in-${n++}.${format === "report" ? "txt" : format}`);
          // A good file checked, then replaced by the mutated one before the write: the second pass must
          // refuse it inside the transaction, which rolls back.
          writeFileSync(file, swap ? VALID[format] : bytes);
          try {
            const read = await readImport(file, format);
            if (swap) writeFileSync(file, bytes);
            await applyImports(db, [read]);
          } catch (error) {
            assert.ok(
              isOneLineError(error),
              `not an ImportError: ${(error as Error)?.stack ?? String(error)}`,
            );
            assert.equal(await dump(db), before);
          }
        },
      ),
      { numRuns: runs(30) },
    );
  });
});
