import { parse } from "csv-parse/sync";
import { describeIssues, Event } from "../domain/event.js";
import { deriveEventId } from "../domain/eventId.js";
import { CSV_COLUMNS, type CsvColumn, LIST_SEPARATOR, unneutraliseCell } from "./csvColumns.js";
import { ImportError } from "./importError.js";

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
 * Reads events from CSV with a header row naming some of the columns in CSV_COLUMNS (at least
 * date_start and a title). One bad row rejects the file, with its line and what was expected.
 */
export function readCsvEvents(text: string, file: string): Event[] {
  let rows: { record: Row; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (header: string[]) => {
        const names = header.map((name) => name.trim().toLowerCase());
        const unknown = names.find((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
        if (unknown !== undefined)
          throw new ImportError(
            file,
            1,
            `unknown column "${unknown}": expected columns among ${CSV_COLUMNS.join(", ")}`,
          );
        if (!names.includes("date_start") || !(names.includes("title_zh") || names.includes("title_en")))
          throw new ImportError(file, 1, "expected a header row with date_start and title_zh or title_en");
        return names;
      },
      skip_empty_lines: true,
      info: true,
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const line = (error as { lines?: number }).lines ?? null;
    throw new ImportError(
      file,
      line,
      `invalid CSV: ${(error as Error).message.replace(/^Invalid Record Length: /, "")}`,
    );
  }
  if (rows.length === 0)
    throw new ImportError(file, 1, "no rows: expected a header row and one row per event");
  const events: Event[] = [];
  const lineOfId = new Map<string, number>();
  for (const { record, info } of rows) {
    // info.lines is the line the record ends on; a record with a multi-line cell starts earlier.
    const line = info.lines;
    const at = (problem: string) => new ImportError(file, line, problem);
    const result = Event.safeParse(cellsToRecord(record, at));
    if (!result.success) throw at(describeIssues(result.error));
    const seen = lineOfId.get(result.data.id);
    if (seen !== undefined) throw at(`id "${result.data.id}" already used on line ${seen}`);
    lineOfId.set(result.data.id, line);
    events.push(result.data);
  }
  return events;
}
