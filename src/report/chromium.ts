import type { Browser } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`), which prints PDFs and draws the DOCX figures. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

// Headless printing needs no sandbox (CI runs as root), no GPU and none of the browser's background traffic.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium could not be started: the message says where it was looked for and how to install it. */
export class ChromiumError extends Error {
  override name = "ChromiumError";
}

/** Starts a headless Chromium, or throws ChromiumError saying where it was looked for and how to install it. */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  try {
    // Loaded here, not at the top: only PDF and DOCX need a browser, and the API server and the other
    // commands should not pay for loading playwright-core.
    const { chromium } = await import("playwright-core");
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    const first = ((error as Error).message ?? "").split("\n")[0];
    throw new ChromiumError(
      `cannot start Chromium at ${executablePath} (${first}); PDF and DOCX reports need it: apt-get install chromium fonts-noto-cjk`,
    );
  }
}

/** Work to do with a browser, and the way it gets one: its own (withChromium) or a shared pool's. */
export type WithBrowser = <T>(work: (browser: Browser) => Promise<T>) => Promise<T>;

/** Runs work with a headless Chromium of its own and closes it afterwards, whatever happens (the CLI's one-shot use). */
export async function withChromium<T>(
  work: (browser: Browser) => Promise<T>,
  executablePath = CHROMIUM_PATH,
): Promise<T> {
  const browser = await launchChromium(executablePath);
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}
