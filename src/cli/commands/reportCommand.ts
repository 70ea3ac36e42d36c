import { Command, Option } from "commander";
import { reportLimits, resolveDatabaseLocation } from "../../config.js";
import { LANGUAGES, type Language } from "../../domain/localizedText.js";
import { AppError } from "../../app/appError.js";
import { buildServices } from "../../app/appServices.js";
import { prepareReport, renderPreparedReport, type WrittenReport } from "../../app/reports.js";
import { reportFromRelease } from "../../app/releases.js";
import { SearchService } from "../../search/searchService.js";
import { BINARY_FORMATS, REPORT_FORMATS, type ReportFormat } from "../../report/renderReport.js";
import { ReportPeriodError } from "../../report/reportPeriod.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { addAsOfOption } from "../asOfOption.js";
import { addFilterOptions, readFilterInput } from "../filterOptions.js";
import { terminalOutput } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";
import { writeOutput } from "../writeOutput.js";

type ReportOptions = Record<string, unknown> & {
  format: ReportFormat;
  lang: Language;
  out?: string;
  db?: string;
  asOf?: string;
  release?: string;
};

/** `aigov report`: a report like the seed for a period (default: the last calendar year with data). */
export function reportCommand(io: CliIo): Command {
  const command = new Command("report").description(
    "write a report like the seed from the data: summary, analysis by level, figures and the chronicle",
  );
  addAsOfOption(addFilterOptions(command), "the archive")
    .addOption(new Option("--format <format>", "output format").choices(REPORT_FORMATS).default("md"))
    .addOption(new Option("--lang <lang>", "language of the report").choices(LANGUAGES).default("zh"))
    .option(
      "--out <file>",
      "write to this file (required for pdf and docx; md and html go to stdout without it)",
    )
    .option(
      "--release <version>",
      "make the report from this release's own data (aigov release), the same bytes each time",
    )
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(async (options: ReportOptions) => {
      const filter = readFilterInput(options);
      if (BINARY_FORMATS.includes(options.format) && !options.out)
        throw new CliError(`--format ${options.format} writes a binary file: give it with --out FILE`, 2);
      if (options.release !== undefined && options.asOf !== undefined)
        throw new CliError("--release and --as-of both say which data to report from: give one", 2);
      const location = resolveDatabaseLocation(options.db, io.env);
      let written: WrittenReport | undefined;
      const report = await withDatabase(location, async (db) => {
        const services = buildServices(
          { db, search: new SearchService(db), reportMaxYears: reportLimits(io.env).maxYears },
          () => "",
        );
        try {
          if (options.release !== undefined) {
            written = await reportFromRelease(services, options.release, {
              ...filter,
              lang: options.lang,
              format: options.format,
            });
            return written.report;
          }
          // --as-of: the events as published then, so that a published report is made again exactly.
          return await prepareReport(services, { ...filter, lang: options.lang, asOf: options.asOf });
        } catch (error) {
          // A period given wrong is bad usage (exit 2); one too long or without events, bad input (1).
          if (error instanceof AppError && error.cause instanceof ReportPeriodError)
            throw new CliError(error.message, error.cause.usage ? 2 : 1);
          throw error;
        }
      });
      // A loop, not Math.max(...numbers): spreading more than ~130,000 arguments overflows the stack.
      let highest = 0;
      for (const month of report.chronicle.months)
        for (const item of month.events) if (item.number > highest) highest = item.number;
      // The chronicle reader takes event numbers of up to five digits (src/import/chronicle/lineKinds.ts).
      if (options.format === "md" && highest > 99_999)
        io.stderr.write(
          `warning: this report numbers events up to ${highest}; aigov import reads chronicle numbers up to 99999 only, so it will not import back whole\n`,
        );
      const { body: output } =
        written ?? (await renderPreparedReport(report, { ...filter, format: options.format }));
      if (!options.out) {
        io.stdout.write(terminalOutput(io.stdout, output));
        return;
      }
      await writeOutput(options.out, output);
      const { total, sources } = report.statistics;
      io.stderr.write(
        `wrote ${options.out}: ${total} events, ${sources} sources, ${report.period.from} to ${report.period.to}\n`,
      );
    });
  return command;
}
