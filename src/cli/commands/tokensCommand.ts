import { Command } from "commander";
import { createToken, listApiTokens, revokeApiToken } from "../../app/accounts.js";
import { resolveDatabaseLocation } from "../../config.js";
import type { CliIo } from "../cliIo.js";
import { commandLineOperator, commandLineServices } from "../operatorActor.js";
import { textTable } from "../textTable.js";
import { terminalJson, terminalText } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";

const DB_HELP = "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)";

/** `aigov tokens`: API tokens of accounts (create, list, revoke); a token is printed once, when it is made. */
export function tokensCommand(io: CliIo): Command {
  const tokens = new Command("tokens").description(
    "API tokens (Authorization: Bearer TOKEN) of accounts: create, list, revoke",
  );

  tokens
    .command("create")
    .description("create an API token for an account and print it, this once (only its hash is kept)")
    .argument("<email>", "the account the token acts as, with its role")
    .option("--name <name>", "what the token is for, shown in tokens list", "api")
    .option("--db <path>", DB_HELP)
    .action(async (email: string, options: { name: string; db?: string }) => {
      const { token, apiToken } = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        createToken(commandLineServices(db), commandLineOperator(), email, options.name),
      );
      // The token alone on stdout, for TOKEN=$(aigov tokens create …); what it is, on stderr.
      io.stdout.write(`${token}\n`);
      io.stderr.write(
        terminalText(
          `token ${apiToken.id} ("${apiToken.name}") for ${apiToken.email}: it will not be shown again; revoke it with aigov tokens revoke ${apiToken.id}`,
        ) + "\n",
      );
    });

  tokens
    .command("list")
    .description("list the tokens: id, account, name, created, last used, revoked (never the token)")
    .option("--json", "print a JSON array of tokens")
    .option("--db <path>", DB_HELP)
    .action(async (options: { json?: boolean; db?: string }) => {
      const list = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        listApiTokens(commandLineServices(db), commandLineOperator()),
      );
      if (options.json) {
        io.stdout.write(`${terminalJson(list)}\n`);
        return;
      }
      if (list.length === 0) {
        io.stderr.write("no tokens yet: create one with aigov tokens create EMAIL\n");
        return;
      }
      io.stdout.write(
        textTable(
          ["id", "email", "created", "last used", "revoked", "name"],
          list.map((t) => [
            t.id,
            t.email,
            t.createdAt,
            t.lastUsedAt ?? "never",
            t.revoked ? "yes" : "no",
            t.name,
          ]),
        ),
      );
    });

  tokens
    .command("revoke")
    .description("revoke a token: the next request that carries it is refused")
    .argument("<id>", "the token's id, as tokens list shows it (tok_…)")
    .option("--db <path>", DB_HELP)
    .action(async (id: string, options: { db?: string }) => {
      const revoked = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        revokeApiToken(commandLineServices(db), commandLineOperator(), id),
      );
      io.stdout.write(terminalText(`revoked ${revoked.id} ("${revoked.name}") of ${revoked.email}`) + "\n");
    });

  return tokens;
}
