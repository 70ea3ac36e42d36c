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

/** Runs work with a headless Chromium and closes it afterwards, whatever happens. */
export async function withChromium<T>(
  work: (browser: Browser) => Promise<T>,
  executablePath = CHROMIUM_PATH,
): Promise<T> {
  let browser: Browser;
  try {
    // Loaded here, not at the top: only PDF and DOCX need a browser, and the API server and the other
    // commands should not pay for loading playwright-core.
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    const first = ((error as Error).message ?? "").split("\n")[0];
    throw new ChromiumError(
      `cannot start Chromium at ${executablePath} (${first}); PDF and DOCX reports need it: apt-get install chromium fonts-noto-cjk`,
    );
  }
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}
