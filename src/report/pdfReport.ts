import type { Browser } from "playwright-core";

// Page numbers at the foot of each page; Chromium fills the pageNumber and totalPages spans.
const FOOTER = `<div style="width:100%;font-size:8px;color:#666;text-align:center;font-family:'Noto Sans CJK SC',sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/**
 * Prints a report's HTML to an A4 PDF in headless Chromium, with page numbers, a document outline from
 * the headings and tagged text, so that the PDF's text can be searched and extracted.
 */
export async function writePdfReport(html: string, browser: Browser): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    // Nothing is fetched: the page is self-contained, and a link in the data must not load anything.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      outline: true,
      tagged: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: FOOTER,
      margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
    });
  } finally {
    await page.close();
  }
}
