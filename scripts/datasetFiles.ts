import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../src/import/bundledDataset.js";
import { parseChronicle } from "../src/import/chronicle/parseChronicle.js";
import { CurationEntry, joinCuration } from "../src/import/curatedDataset.js";

/** The bundled files as they should be: one events file and one document file per seed chronicle. */
export function buildBundledFiles(): { path: string; content: string }[] {
  const seeds = readdirSync(join(DATA_DIR, "seeds")).filter((name) => name.endsWith(".txt"));
  return seeds.flatMap((seed) => {
    const name = seed.replace(/\.[a-z]{2}\.txt$/, "");
    const text = readFileSync(join(DATA_DIR, "seeds", seed), "utf8");
    const chronicle = parseChronicle(text, seed);
    const curation = z
      .array(CurationEntry)
      .parse(JSON.parse(readFileSync(join(DATA_DIR, "curation", `${name}.json`), "utf8")));
    const events = joinCuration(chronicle, curation);
    return [
      { path: join(DATA_DIR, "events", `${name}.json`), content: `${JSON.stringify(events, null, 2)}\n` },
      {
        path: join(DATA_DIR, "documents", `${name}.json`),
        content: `${JSON.stringify(chronicle.document, null, 2)}\n`,
      },
    ];
  });
}
