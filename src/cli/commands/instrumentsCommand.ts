import { Command } from "commander";
import { Language, pickText } from "../../domain/localizedText.js";
import { bundledObligations } from "../../reference/obligationsData.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { terminalJson, terminalOutput } from "../terminalText.js";

/** `aigov instruments [ID]`: the laws and standards the checker knows, with identifiers, dates and status. */
export function instrumentsCommand(io: CliIo): Command {
  return new Command("instruments")
    .description("the instruments (laws, standards, guidelines) behind the obligations checker")
    .argument("[id]", "one instrument with its dates and duties")
    .option("--json", "print JSON")
    .option("--lang <lang>", "language: zh or en", "en")
    .action((id: string | undefined, options: { json?: boolean; lang: string }) => {
      const lang = Language.safeParse(options.lang).data;
      if (!lang) throw new CliError(`--lang: expected zh or en, got "${options.lang}"`, 2);
      const data = bundledObligations();
      const chosen = id ? data.instruments.filter((i) => i.id === id) : data.instruments;
      if (id && !chosen.length) throw new CliError(`no instrument with id "${id}"; run aigov instruments`);
      if (options.json) {
        const withDuties = chosen.map((i) => ({
          ...i,
          obligations: data.obligations.filter((o) => o.instrument === i.id).map((o) => o.id),
        }));
        io.stdout.write(`${terminalJson(id ? withDuties[0] : withDuties)}\n`);
        return;
      }
      const lines: string[] = [];
      for (const instrument of chosen) {
        lines.push(
          `${instrument.id}  ${instrument.jurisdiction}  ${instrument.status}  ${pickText(instrument.title, lang)}`,
        );
        lines.push(`  ${instrument.title.original}`);
        lines.push(
          `  ${instrument.identifiers.map((x) => `${x.value} (${x.verification})`).join("; ") || "—"}`,
        );
        if (id) {
          for (const date of instrument.dates)
            lines.push(`  ${date.date}  ${date.kind}: ${pickText(date.label, lang)} (${date.verification})`);
          if (instrument.statusNote) lines.push(`  ${pickText(instrument.statusNote, lang)}`);
          for (const unknown of instrument.unknowns) lines.push(`  ? ${pickText(unknown, lang)}`);
          for (const o of data.obligations.filter((o) => o.instrument === instrument.id))
            lines.push(`  - ${o.citation.article}: ${pickText(o.title, lang)} (from ${o.from}) [${o.id}]`);
        }
        if (instrument.officialUrl) lines.push(`  ${instrument.officialUrl}`);
        lines.push("");
      }
      io.stdout.write(terminalOutput(io.stdout, `${lines.join("\n").trimEnd()}\n`));
    });
}
