// Builds the web app's browser assets into dist/assets: the client scripts bundled by esbuild (one file,
// started from data-module attributes) and the stylesheet copied as is. Part of `npm run build`.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles src/web/client/main.ts to dist/assets/app.js and copies src/web/assets/* beside it. */
export async function buildClient() {
  const out = join(root, "dist", "assets");
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, "src/web/client/main.ts")],
    outfile: join(out, "app.js"),
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    legalComments: "none",
    logLevel: "warning",
  });
  for (const name of readdirSync(join(root, "src/web/assets")))
    copyFileSync(join(root, "src/web/assets", name), join(out, name));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildClient();
