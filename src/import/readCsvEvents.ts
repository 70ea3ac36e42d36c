import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { deriveEventId } from "../domain/eventId.js";
import { CSV_KNOWN_COLUMNS, type CsvColumn, LIST_SEPARATOR, unneutraliseCell } from "./csvColumns.js";
import { ImportError } from "./importError.js";
import type { SourceRecord } from "./sourceRecord.js";

type Row = Partial<Record<CsvColumn, string>>;

function cellsToRecord(row: Row, at: (problem: string) => ImportError): Record<string, unknown> {
  const cell = (name: CsvColumn) => {
    const raw = row[name];
    const value = raw === undefined ? undefined : unneutraliseCell(raw.trim());
    return value ? value : undefined;
  };
  const list = (name: CsvColumn) =>
    (cell(name) ?? "")
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter(Boolean);
  const json = (name: CsvColumn) => {
    const value = cell(name);
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value);
    } catch {
      throw at(`column ${name}: expected a JSON array`);
    }
  };
  const seqText = cell("seq");
  if (seqText !== undefined && !/^\d+$/.test(seqText))
    throw at(`column seq: expected a whole number, got "${seqText}"`);
  const text = (zh: CsvColumn, en: CsvColumn) => ({
    ...(cell(zh) ? { zh: cell(zh) } : {}),
    ...(cell(en) ? { en: cell(en) } : {}),
  });
  const title = text("title_zh", "title_en");
  const start = cell("date_start");
  return {
    id: cell("id") ?? (start ? deriveEventId(title, start) : undefined),
    seq: seqText === undefined ? null : Number(seqText),
    title,
    summary: text("summary_zh", "summary_en"),
    date: {
      start,
      end: cell("date_end") ?? null,
      ...(cell("date_precision") ? { precision: cell("date_precision") } : {}),
    },
    jurisdictions: list("jurisdictions"),
    level: cell("level") ?? null,
    type: cell("type") ?? null,
    bindingness: cell("bindingness") ?? null,
    tags: list("tags"),
    sources: json("sources") ?? [],
    effectiveDates: json("effective_dates") ?? [],
    relations: json("relations") ?? [],
    identifiers: json("identifiers") ?? [],
    document: cell("document") ?? null,
  };
}

/**
 * Reads the records of a CSV file as it streams (csv-parse's stream API), with a header row naming some
 * of the columns in CSV_COLUMNS (at least date_start and a title), and perhaps the export's own columns,
 * which are read past (CSV_EXPORT_ONLY_COLUMNS). Each row comes as an event record with the line it ends
 * on (csv-parse counts lines as it goes; a row with a multi-line cell starts earlier).
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<Buffer>,
  file: string,
): AsyncGenerator<SourceRecord> {
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim().toLowerCase());
      const unknown = names.find((name) => !CSV_KNOWN_COLUMNS.includes(name));
      if (unknown !== undefined)
        throw new ImportError(
          file,
          1,
          `unknown column "${unknown.length > 80 ? `${unknown.slice(0, 80)}…` : unknown}": expected columns among ${CSV_KNOWN_COLUMNS.join(", ")}`,
        );
      const repeated = names.find((name, index) => names.indexOf(name) !== index);
      if (repeated !== undefined)
        throw new ImportError(
          file,
          1,
          `column "${repeated}" is named twice in the header: expected each column once`,
        );
      if (!names.includes("date_start") || !(names.includes("title_zh") || names.includes("title_en")))
        throw new ImportError(file, 1, "expected a header row with date_start and title_zh or title_en");
      return names;
    },
    skip_empty_lines: true,
    info: true,
  });
  const source = Readable.from(chunks);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
      rows++;
      const line = info.lines;
      yield {
        line,
        record: cellsToRecord(record, (problem) => new ImportError(file, line, `event ${rows}: ${problem}`)),
      };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const line = (error as { lines?: number }).lines ?? null;
    throw new ImportError(
      file,
      line,
      `invalid CSV: ${(error as Error).message.replace(/^Invalid Record Length: /, "")}`,
    );
  } finally {
    source.destroy();
  }
  if (rows === 0) throw new ImportError(file, 1, "no rows: expected a header row and one row per event");
}
