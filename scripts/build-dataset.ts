/**
 * Rebuilds the bundled dataset from the seed chronicles in data/seeds/ and their hand curation in
 * data/curation/: data/events/NAME.json and data/documents/NAME.json. Run after editing a curation file:
 *   node --import tsx scripts/build-dataset.ts
 * A test fails when the committed files differ from what this writes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildBundledFiles } from "./datasetFiles.js";

for (const file of buildBundledFiles()) {
  writeFileSync(file.path, file.content);
  process.stdout.write(`wrote ${join(file.path)}\n`);
}
