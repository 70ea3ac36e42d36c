import { renderFiguresToPng } from "./chartImages.js";
import { type WithBrowser, withChromium } from "./chromium.js";
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
 * figures drawn) with headless Chromium: a one-shot browser of its own (the CLI), unless `run` lends one
 * (the server's ChromiumPool, which bounds how many renders run and how long).
 */
export async function renderReport(
  report: Report,
  format: ReportFormat,
  run: WithBrowser = withChromium,
): Promise<string | Buffer> {
  if (format === "md") return writeMarkdownReport(report);
  if (format === "html") return writeHtmlReport(report);
  if (format === "pdf") return run((b) => writePdfReport(writeHtmlReport(report), b));
  const images = await run((b) => renderFiguresToPng(report.figures, b));
  return writeDocxReport(report, images);
}
