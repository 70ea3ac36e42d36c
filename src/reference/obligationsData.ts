import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { Correction } from "../domain/correction.js";
import { CoverageFile, type JurisdictionCoverage } from "../domain/coverage.js";
import { type JurisdictionGroup, JurisdictionGroupFile } from "../domain/jurisdictionGroup.js";
import { Instrument } from "../domain/instrument.js";
import { Obligation } from "../domain/obligation.js";
import { DATA_DIR } from "./dataDir.js";

/** Instruments, their obligations and the corrections of imported events: the reviewable files in data/. */
export interface ObligationsData {
  instruments: Instrument[];
  obligations: Obligation[];
  corrections: Correction[];
  /** The blocs and their members (data/jurisdictionGroups.json): the one list the checker's EU is read from. */
  groups: JurisdictionGroup[];
  /** Per jurisdiction, what the checker models and what aigov knows binds there but does not (data/coverage/*.json). */
  coverage: JurisdictionCoverage[];
}

/** A data file that does not hold what its schema expects: which file, which field, what was expected. */
export class ObligationsDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ObligationsDataError";
  }
}

function readArray<T extends z.ZodType>(dir: string, folder: string, schema: T): z.output<T>[] {
  const path = join(dir, folder);
  const files = readdirSync(path)
    .filter((name) => name.endsWith(".json"))
    .sort();
  return files.flatMap((name) => {
    const file = join(folder, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(path, name), "utf8"));
    } catch (error) {
      throw new ObligationsDataError(`data/${file}: not JSON (${(error as Error).message})`);
    }
    const parsed = z.array(schema).safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join(".") ?? "";
      throw new ObligationsDataError(`data/${file}: ${where}: ${issue?.message ?? "invalid"}`);
    }
    return parsed.data;
  });
}

function readGroups(dir: string): JurisdictionGroup[] {
  const file = "jurisdictionGroups.json";
  const parsed = JurisdictionGroupFile.safeParse(JSON.parse(readFileSync(join(dir, file), "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ObligationsDataError(`data/${file}: ${issue?.path.join(".")}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data.groups;
}

/**
 * data/coverage/*.json (one file per area, so that each is edited on its own), or a single
 * data/coverage.json (a test's data folder); a folder with neither covers nothing it does not say.
 */
/** The file each coverage entry was read from, for errors that name it. */
const coverageFileOf = new WeakMap<JurisdictionCoverage, string>();

function readCoverage(dir: string): JurisdictionCoverage[] {
  const files = [
    ...(existsSync(join(dir, "coverage.json")) ? ["coverage.json"] : []),
    ...(existsSync(join(dir, "coverage"))
      ? readdirSync(join(dir, "coverage"))
          .filter((name) => name.endsWith(".json"))
          .sort()
          .map((name) => join("coverage", name))
      : []),
  ];
  return files.flatMap((file) => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch (error) {
      throw new ObligationsDataError(`data/${file}: not JSON (${(error as Error).message})`);
    }
    const parsed = CoverageFile.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ObligationsDataError(
        `data/${file}: ${issue?.path.join(".")}: ${issue?.message ?? "invalid"}`,
      );
    }
    for (const entry of parsed.data) coverageFileOf.set(entry, `data/${file}`);
    return parsed.data;
  });
}

function checkCoverage(data: ObligationsData): void {
  const known = new Map(data.instruments.map((i) => [i.id, i]));
  for (const entry of data.coverage)
    for (const ref of [
      ...entry.modelled.map((m) => m.instrument),
      ...entry.notModelled.flatMap((g) => (g.instrument ? [g.instrument] : [])),
    ]) {
      const instrument = known.get(ref);
      if (!instrument)
        throw new ObligationsDataError(
          `${coverageFileOf.get(entry) ?? "data/coverage"}: ${entry.jurisdiction} names unknown instrument "${ref}"`,
        );
      if (instrument.jurisdiction !== entry.jurisdiction)
        throw new ObligationsDataError(
          `${coverageFileOf.get(entry) ?? "data/coverage"}: ${ref} is in ${instrument.jurisdiction}, listed under ${entry.jurisdiction}`,
        );
    }
  if (!data.coverage.length) return;
  // Every instrument with duties says which of its parts are modelled: no duty without its coverage line.
  for (const instrument of new Set(data.obligations.map((o) => o.instrument)))
    if (!data.coverage.some((c) => c.modelled.some((m) => m.instrument === instrument)))
      throw new ObligationsDataError(`data/coverage: ${instrument} has duties but no "modelled" entry`);
}

function checkReferences(data: ObligationsData): void {
  const instrumentIds = new Set<string>();
  for (const instrument of data.instruments) {
    if (instrumentIds.has(instrument.id))
      throw new ObligationsDataError(`data/instruments: duplicate id "${instrument.id}"`);
    instrumentIds.add(instrument.id);
  }
  for (const instrument of data.instruments)
    for (const target of instrument.amends)
      if (!instrumentIds.has(target))
        throw new ObligationsDataError(
          `data/instruments: ${instrument.id} amends unknown instrument "${target}"`,
        );
  const obligationIds = new Set<string>();
  for (const obligation of data.obligations) {
    if (obligationIds.has(obligation.id))
      throw new ObligationsDataError(`data/obligations: duplicate id "${obligation.id}"`);
    obligationIds.add(obligation.id);
    const instrument = data.instruments.find((i) => i.id === obligation.instrument);
    if (!instrument)
      throw new ObligationsDataError(
        `data/obligations: ${obligation.id} names unknown instrument "${obligation.instrument}"`,
      );
    if (instrument.jurisdiction !== obligation.jurisdiction)
      throw new ObligationsDataError(
        `data/obligations: ${obligation.id} is in ${obligation.jurisdiction}, its instrument in ${instrument.jurisdiction}`,
      );
  }
}

/** Reads and validates data/instruments, obligations, corrections, the groups and the coverage, and their cross-references. */
export function readObligationsData(dataDir: string = DATA_DIR): ObligationsData {
  const data = {
    instruments: readArray(dataDir, "instruments", Instrument),
    obligations: readArray(dataDir, "obligations", Obligation),
    corrections: readArray(dataDir, "corrections", Correction),
    groups: readGroups(dataDir),
    coverage: readCoverage(dataDir),
  };
  checkReferences(data);
  checkCoverage(data);
  return data;
}

let bundled: ObligationsData | undefined;

/**
 * The bundled obligations data, read once per process. Instruments and duties ship with the code as
 * reviewable files rather than database rows: they are reference data that a release checks and a
 * reviewer reads in a diff, and the checker must answer the same on every database.
 */
export function bundledObligations(): ObligationsData {
  bundled ??= readObligationsData();
  return bundled;
}
