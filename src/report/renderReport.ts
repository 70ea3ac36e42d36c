import type { Browser } from "playwright-core";
import { renderFiguresToPng } from "./chartImages.js";
import { withChromium } from "./chromium.js";
import { writeDocxReport } from "./docxReport.js";
import { writeHtmlReport } from "./htmlReport.js";
import { writeMarkdownReport } from "./markdownReport.js";
import { writePdfReport } from "./pdfReport.js";
import type { Report } from "./reportModel.js";

export const REPORT_FORMATS = ["md", "html", "pdf", "docx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats written as bytes, which cannot go to a terminal. */
export const BINARY_FORMATS: readonly ReportFormat[] = ["pdf", "docx"];

/**
 * Writes a laid-out report in a format: Markdown and HTML as text; PDF (the HTML printed) and DOCX (its
 * figures drawn) with headless Chromium, started here unless a browser is given.
 */
export async function renderReport(
  report: Report,
  format: ReportFormat,
  browser?: Browser,
): Promise<string | Buffer> {
  if (format === "md") return writeMarkdownReport(report);
  if (format === "html") return writeHtmlReport(report);
  const run = <T>(work: (b: Browser) => Promise<T>) => (browser ? work(browser) : withChromium(work));
  if (format === "pdf") return run((b) => writePdfReport(writeHtmlReport(report), b));
  const images = await run((b) => renderFiguresToPng(report.figures, b));
  return writeDocxReport(report, images);
}
