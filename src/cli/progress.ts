import { isInteractive } from "../config.js";
import type { OutputStream } from "./cliIo.js";

/**
 * A progress line on stderr for work that takes longer than a moment: silent for the first 300 ms and
 * when nobody watches (not a terminal, or CI), then redrawn at most ten times a second.
 */
export function createProgress(stream: OutputStream = process.stderr, env?: NodeJS.ProcessEnv) {
  const started = Date.now();
  const enabled = isInteractive(stream, env);
  let lastDraw = 0;
  let drawn = false;
  return {
    update(label: string, done: number, total: number) {
      const now = Date.now();
      if (!enabled || now - started < 300 || (now - lastDraw < 100 && done < total)) return;
      lastDraw = now;
      drawn = true;
      const percent = total ? Math.floor((done / total) * 100) : 100;
      stream.write(`\r\x1b[K${label} ${done}/${total} (${percent}%)`);
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
