import { Command } from "commander";
import { type Account, addUser, disableUser, listAccounts, setRole } from "../../app/accounts.js";
import { resolveDatabaseLocation } from "../../config.js";
import { Email, ROLES, Role } from "../../domain/account.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { commandLineOperator, commandLineServices } from "../operatorActor.js";
import { readFirstLine } from "../readFirstLine.js";
import { textTable } from "../textTable.js";
import { terminalJson, terminalText } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";

const DB_HELP = "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)";

/** One account on one line: what `users add`, `set-role` and `disable` print. */
const accountLine = (account: Account) =>
  terminalText(
    `${account.email}  ${account.role}  ${account.disabled ? "disabled" : "enabled"}  ${account.name}`,
  ).replace(/[\n\t]/g, " ");

/**
 * The password of a new account: the first line piped in, or one generated (null here) when a person is
 * at a terminal or `--generate-password` asks. A password is never an argument: arguments are seen by
 * every user of the machine (ps) and kept in shell history.
 */
/** The address and role checked before stdin is read, so that a mistyped one is what the error names. */
function checkAccountInput(email: string, role: string): void {
  for (const [field, result] of [
    ["email", Email.safeParse(email)],
    ["role", Role.safeParse(role)],
  ] as const)
    if (!result.success) throw new CliError(`${field}: ${result.error.issues[0]?.message ?? "invalid"}`);
}

async function passwordOf(io: CliIo, generate: boolean): Promise<string | undefined> {
  if (generate || io.stdin?.isTTY === true) return undefined;
  const line = await readFirstLine(io.stdin);
  if (line === "")
    throw new CliError(
      "no password on stdin: pipe one in (printf '%s\\n' \"$PASSWORD\" | aigov users add …) or give --generate-password",
    );
  return line;
}

/** `aigov users`: the accounts of editors, managed by the operator (add, list, set-role, disable). */
export function usersCommand(io: CliIo): Command {
  const users = new Command("users").description(
    "accounts of contributors, editors and admins: add, list, set-role, disable",
  );

  users
    .command("add")
    .description(
      "create an account; its password is the first line of stdin, or generated and printed once (at a terminal, or with --generate-password)",
    )
    .argument("<email>", "the account's email address (how it signs in; never shown publicly)")
    .requiredOption("--role <role>", `what it may do: ${ROLES.join(", ")}`)
    .option("--name <name>", "the name its revisions are shown with (default: the address's part before @)")
    .option("--generate-password", "generate a password and print it once, even when stdin is piped")
    .option("--db <path>", DB_HELP)
    .action(
      async (
        email: string,
        options: { role: string; name?: string; generatePassword?: boolean; db?: string },
      ) => {
        checkAccountInput(email, options.role);
        const password = await passwordOf(io, options.generatePassword === true);
        const { account, generatedPassword } = await withDatabase(
          resolveDatabaseLocation(options.db, io.env),
          (db) =>
            addUser(commandLineServices(db), commandLineOperator(), {
              email,
              role: options.role,
              name: options.name,
              password,
            }),
          { create: true },
        );
        io.stdout.write(`added ${accountLine(account)}\n`);
        if (generatedPassword !== null) {
          io.stdout.write(`password: ${generatedPassword}\n`);
          io.stderr.write("the generated password is shown only this once: give it to its owner now\n");
        }
      },
    );

  users
    .command("list")
    .description("list the accounts (never their passwords)")
    .option("--json", "print a JSON array of accounts")
    .option("--db <path>", DB_HELP)
    .action(async (options: { json?: boolean; db?: string }) => {
      const accounts = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        listAccounts(commandLineServices(db), commandLineOperator()),
      );
      if (options.json) {
        io.stdout.write(`${terminalJson(accounts)}\n`);
        return;
      }
      if (accounts.length === 0) {
        io.stderr.write("no accounts yet: add one with aigov users add EMAIL --role ROLE\n");
        return;
      }
      io.stdout.write(
        textTable(
          ["email", "role", "status", "created", "name"],
          accounts.map((a) => [a.email, a.role, a.disabled ? "disabled" : "enabled", a.createdAt, a.name]),
        ),
      );
    });

  users
    .command("set-role")
    .description("give an account another role (its sessions end: the new role holds from its next sign-in)")
    .argument("<email>", "the account's email address")
    .argument("<role>", ROLES.join(", "))
    .option("--db <path>", DB_HELP)
    .action(async (email: string, role: string, options: { db?: string }) => {
      const account = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        setRole(commandLineServices(db), commandLineOperator(), email, role),
      );
      io.stdout.write(`${accountLine(account)}\n`);
    });

  users
    .command("disable")
    .description(
      "disable an account at once: its sessions end and its tokens stop working; its proposals and revisions stay",
    )
    .argument("<email>", "the account's email address")
    .option("--db <path>", DB_HELP)
    .action(async (email: string, options: { db?: string }) => {
      const account = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        disableUser(commandLineServices(db), commandLineOperator(), email),
      );
      io.stdout.write(`${accountLine(account)}\n`);
    });

  return users;
}
