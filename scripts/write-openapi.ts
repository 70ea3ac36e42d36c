/** Writes docs/openapi.json from the schemas (run after changing the API; a test checks it is current). */
import { writeFileSync } from "node:fs";
import { buildOpenApiDocument } from "../src/http/openapi.js";

writeFileSync(
  new URL("../docs/openapi.json", import.meta.url),
  `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`,
);
process.stdout.write("wrote docs/openapi.json\n");
