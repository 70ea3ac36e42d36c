import { Command, Option } from "commander";
import { AUDIT_ACTIONS, type AuditAction, auditEntries } from "../../app/audit.js";
import { resolveDatabaseLocation } from "../../config.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { commandLineOperator } from "../operatorActor.js";
import { textTable } from "../textTable.js";
import { terminalJson } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";

/** The bounds of AuditQuery's limit, checked here so that a bad --limit is a usage error naming it. */
const MAX_AUDIT_LIMIT = 1000;

const parseLimit = (value: string) => {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_AUDIT_LIMIT)
    throw new CliError(`--limit: expected 1-${MAX_AUDIT_LIMIT}, got "${value}"`, 2);
  return limit;
};

const parseBefore = (value: string) => {
  if (!/^[1-9]\d{0,15}$/.test(value))
    throw new CliError(
      `--before: expected an entry's number (seq) from an earlier listing, got "${value}"`,
      2,
    );
  return Number(value);
};

/** An entry's detail on one line: `role=editor, sessionsEnded=0`. */
const describeDetail = (detail: Record<string, unknown> | null) =>
  Object.entries(detail ?? {})
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");

/** `aigov audit`: the audit log, newest first: who did what, when, from where. */
export function auditCommand(io: CliIo): Command {
  return new Command("audit")
    .description(
      "the audit log, newest first: sign-ins, accounts, roles, tokens, proposals, publications and imports, with who, when and from where",
    )
    .option("--json", 'print JSON: { "entries": [...], "next": SEQ or null }')
    .option(`--limit <n>`, `at most this many entries (1-${MAX_AUDIT_LIMIT})`, parseLimit, 100)
    .addOption(new Option("--action <action>", "only entries of this action").choices(AUDIT_ACTIONS))
    .option(
      "--before <seq>",
      "entries older than this one (the next page: the `next` of --json)",
      parseBefore,
    )
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(
      async (options: {
        json?: boolean;
        limit: number;
        action?: AuditAction;
        before?: number;
        db?: string;
      }) => {
        const page = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
          auditEntries({ db }, commandLineOperator(), {
            limit: options.limit,
            action: options.action,
            before: options.before,
          }),
        );
        if (options.json) {
          io.stdout.write(`${terminalJson(page)}\n`);
          return;
        }
        if (page.entries.length === 0) {
          io.stderr.write("no entries\n");
          return;
        }
        io.stdout.write(
          textTable(
            ["seq", "at", "who", "from", "action", "subject", "detail"],
            page.entries.map((entry) => [
              String(entry.seq),
              entry.at,
              entry.actor,
              entry.address ?? "-",
              entry.action,
              entry.subject ?? "-",
              describeDetail(entry.detail),
            ]),
          ),
        );
        if (page.next !== null) io.stderr.write(`older entries: add --before ${page.next}\n`);
      },
    );
}
