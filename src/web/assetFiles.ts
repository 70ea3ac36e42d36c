import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the built browser assets live: dist/assets at the package root, both when running from src/
 * (tests, tsx) and from dist/ (the installed package). `npm run build` (and so `npm ci`) fills it.
 */
export const ASSETS_DIR = fileURLToPath(new URL("../../dist/assets/", import.meta.url));

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Answers GET /assets/{file} from the built assets: a plain name only, never a path out of the folder. */
export async function serveAsset(file: string): Promise<Response> {
  const type = TYPES[extname(file)];
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(file) || file.includes("..") || !type) return notFound(file);
  try {
    const body = await readFile(join(ASSETS_DIR, file));
    return new Response(new Uint8Array(body), {
      headers: { "content-type": type, "cache-control": "public, max-age=300" },
    });
  } catch {
    return notFound(file);
  }
}

function notFound(file: string): Response {
  return new Response(
    JSON.stringify({
      type: "about:blank",
      title: "Not found",
      status: 404,
      detail: `no asset "${file}"; run npm run build to build the browser assets`,
    }),
    { status: 404, headers: { "content-type": "application/problem+json" } },
  );
}
