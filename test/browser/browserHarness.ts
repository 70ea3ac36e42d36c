import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { buildClient } from "../../scripts/build-client.mjs";
import { startTestServer } from "../apiServer.js";
import type { Database } from "../../src/storage/database.js";
import { CHROMIUM_PATH } from "../../src/report/chromium.js";

/**
 * Why the browser suites are skipped (false: they run). They need Debian's Chromium at CHROMIUM_PATH; a
 * machine without it skips them with this message, so that `npm test` runs everything else there. On CI
 * (which installs Chromium, .ci/run) they are never skipped: a missing browser fails them there.
 */
export const browserSkip: string | false =
  existsSync(CHROMIUM_PATH) || process.env.CI
    ? false
    : `no Chromium at ${CHROMIUM_PATH}: the browser suites need it (apt-get install chromium; CI installs it)`;

/** Where the browser tests write each view's screenshot (ignored by git). */
export const ARTIFACTS_DIR = join(import.meta.dirname, "..", "..", "test-artifacts");

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** A running aigov (real server, temp database with the bundled data) and a headless Chromium. */
export interface BrowserHarness {
  baseUrl: string;
  db: Database;
  browser: Browser;
  /** A fresh browser context (its own cookies) with one page; options as Playwright's newContext. */
  newPage(options?: Parameters<Browser["newContext"]>[0]): Promise<{ page: Page; context: BrowserContext }>;
  /** Closes this suite's contexts, and the server and browser once no suite holds them. */
  stop(): Promise<void>;
}

interface Running {
  server: Awaited<ReturnType<typeof startTestServer>>;
  browser: Browser;
  holders: number;
  closing?: NodeJS.Timeout;
}

async function launch(): Promise<Running> {
  await buildClient();
  const [server, browser] = await Promise.all([
    startTestServer(),
    chromium.launch({ executablePath: CHROMIUM_PATH, headless: true }),
  ]);
  return { server, browser, holders: 0 };
}

async function close(running: Running): Promise<void> {
  await running.browser.close();
  await running.server.stop();
}

// The suites that only read share one server and one Chromium per process: `npm test` runs every browser
// suite in one process (scripts/test-groups.mjs), and starting both took about 5 s a suite. The last
// suite to let go closes them a moment later, unless the next suite, which starts right after, takes
// them over first (if it came later, it would simply start its own).
let shared: Promise<Running> | undefined;
const CLOSE_AFTER_MS = 1000;

/**
 * Builds the client assets, starts the server on a temp database and launches the system Chromium
 * (Debian's, never a downloaded one); or takes over the ones an earlier suite of this process left
 * running. A suite that writes to the database asks for `{ ownServer: true }`, so that the suites after
 * it still see the bundled data alone. Call stop() in after().
 */
export async function startBrowserHarness(options: { ownServer?: boolean } = {}): Promise<BrowserHarness> {
  let running: Running;
  if (options.ownServer) running = await launch();
  else {
    shared ??= launch();
    running = await shared;
    clearTimeout(running.closing);
  }
  running.holders++;
  const contexts: BrowserContext[] = [];
  return {
    baseUrl: running.server.server.url,
    db: running.server.db,
    browser: running.browser,
    async newPage(pageOptions) {
      const context = await running.browser.newContext({
        viewport: { width: 1280, height: 900 },
        ...pageOptions,
      });
      contexts.push(context);
      return { page: await context.newPage(), context };
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      if (--running.holders > 0) return;
      if (options.ownServer) return close(running);
      running.closing = setTimeout(() => {
        shared = undefined;
        // Nothing awaits this close: a failure is told, not left to crash the group after its tests.
        close(running).catch((error: unknown) => console.error("closing the shared browser harness:", error));
      }, CLOSE_AFTER_MS);
    },
  };
}

/** One axe-core finding. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the page as it stands and returns the serious and critical violations. The source
 * is evaluated through the DevTools protocol, which the page's CSP does not apply to.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (...args: unknown[]) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Formats violations for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
    .join("\n");
}

/** Writes a screenshot to test-artifacts/<name>.png (the whole page unless told the viewport only). */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/** Collects CSP violations and page errors, so a test can assert that none happened. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}
