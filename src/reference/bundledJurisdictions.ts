import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { Jurisdiction } from "../domain/jurisdiction.js";
import { DATA_DIR } from "./dataDir.js";

let cached: Jurisdiction[] | undefined;

/**
 * The gazetteer bundled with the package (data/jurisdictions.json), read and validated once per process
 * (it was read again on every request that named a jurisdiction); none when the file is missing.
 */
export function bundledJurisdictions(): Jurisdiction[] {
  if (cached) return cached;
  const path = join(DATA_DIR, "jurisdictions.json");
  cached = existsSync(path) ? z.array(Jurisdiction).parse(JSON.parse(readFileSync(path, "utf8"))) : [];
  return cached;
}
