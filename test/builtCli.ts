import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { transformSync } from "esbuild";
import { ROOT } from "./runCli.js";

// How a test starts the CLI as a process of its own: from dist/, as installed (`npm run build`, so
// `npm install` and `npm ci`, fills it; CI builds before it tests), which starts in a third of the time
// that `--import tsx src/cli/main.ts` takes, and so do the workers and child processes it starts. A stale
// dist/ would test old code, so every module of src/ whose .js in dist/ is missing or older than it (a
// checkout, an edit, a new file) is compiled first, the way tsx compiles it when it runs src/ (esbuild,
// one module at a time, types dropped; `npm run typecheck` checks them): what runs is always src/ as it is.

const SRC = join(ROOT, "src");
const DIST = join(ROOT, "dist");

/** The src/ modules that tsconfig.build.json compiles, relative to src/. */
function buildSources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(SRC, "web/client") ? [] : buildSources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [relative(SRC, path)] : [];
  });
}

/** The src/ modules whose build in dist/ is missing or older than they are. */
export function staleModules(): string[] {
  return buildSources().filter((source) => {
    const built = join(DIST, source.replace(/\.ts$/, ".js"));
    return !existsSync(built) || statSync(built).mtimeMs < statSync(join(SRC, source)).mtimeMs;
  });
}

/** Writes through a file beside the target, renamed over it: another test file starting it meanwhile sees all or nothing. */
function writeAtomically(path: string, contents: string) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Compiles the stale modules of src/ into dist/ (with a source map, as tsc's build has). */
export function freshenDist(): string[] {
  const stale = staleModules();
  for (const source of stale) {
    const from = join(SRC, source);
    const to = join(DIST, source.replace(/\.ts$/, ".js"));
    const { code, map } = transformSync(readFileSync(from, "utf8"), {
      loader: "ts",
      format: "esm",
      target: "node20",
      sourcemap: "external",
      sourcefile: relative(dirname(to), from),
    });
    writeAtomically(`${to}.map`, map);
    writeAtomically(to, `${code}//# sourceMappingURL=${relative(dirname(to), `${to}.map`)}\n`);
  }
  return stale;
}

let argv: string[] | undefined;

/**
 * Node's arguments that start the CLI (its own follow): dist/cli/main.js, dist/ brought up to date with
 * src/ first (once per test file). AIGOV_TEST_CLI=source starts src/cli/main.ts through tsx instead.
 */
export function cliArgv(): string[] {
  if (argv) return argv;
  if (process.env.AIGOV_TEST_CLI === "source") return (argv = ["--import", "tsx", join(SRC, "cli/main.ts")]);
  freshenDist();
  return (argv = [join(DIST, "cli/main.js")]);
}
