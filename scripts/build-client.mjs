// Builds the web app's browser assets into dist/assets: the client scripts bundled by esbuild (one file,
// started from data-module attributes) and the files of src/web/assets copied as they are. Part of
// `npm run build` (so of `npm ci`); the browser tests and the web bench run it first.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// Written beside the target and renamed over it: a server reading the file meanwhile (two test files
// building at once) sees the old or the new file, never half of one.
function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Bundles src/web/client/main.ts to dist/assets/app.js and copies src/web/assets/* beside it. */
export async function buildClient() {
  const out = join(root, "dist", "assets");
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: [join(root, "src/web/client/main.ts")],
    outfile: join(out, "app.js"),
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    legalComments: "none",
    logLevel: "warning",
    write: false,
  });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  for (const name of readdirSync(join(root, "src/web/assets")))
    writeAtomically(join(out, name), readFileSync(join(root, "src/web/assets", name)));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildClient();
