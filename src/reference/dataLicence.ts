import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIR } from "./dataDir.js";

/** The licence of aigov's data (LICENSE-DATA.md says which files it covers). */
export const DATA_LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** LICENSE-DATA.md, the data licence as the repository states it, beside data/ (in the package too). */
export function readDataLicenceText(): string {
  return readFileSync(join(DATA_DIR, "..", "LICENSE-DATA.md"), "utf8");
}
