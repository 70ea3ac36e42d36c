import type { Browser } from "playwright-core";
import type { ReportFigure } from "./reportModel.js";

/**
 * Draws each figure's SVG to a PNG at twice its size in headless Chromium, with the fonts the PDF uses,
 * for DOCX: Word and LibreOffice both show PNG, while SVG in DOCX needs a fallback and renders unevenly.
 */
export async function renderFiguresToPng(figures: ReportFigure[], browser: Browser): Promise<Buffer[]> {
  const context = await browser.newContext({ deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
    const images: Buffer[] = [];
    for (const figure of figures) {
      await page.setViewportSize({ width: figure.width, height: figure.height });
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}svg{display:block}</style></head><body>${figure.svg}</body></html>`,
      );
      images.push(
        await page.screenshot({
          type: "png",
          clip: { x: 0, y: 0, width: figure.width, height: figure.height },
        }),
      );
    }
    return images;
  } finally {
    await context.close();
  }
}
