import { isHttpUrl } from "../domain/httpUrl.js";
import { CliError } from "./cliError.js";

/** `--base-url`: an http(s) URL, without the slashes it may end with; anything else is bad usage. */
export function parseBaseUrl(value: string): string {
  if (!isHttpUrl(value)) throw new CliError(`--base-url: expected an http(s) URL, got "${value}"`, 2);
  return value.replace(/\/+$/, "");
}
