/**
 * The clients of the export benchmark, in a process of their own so that reading the exports does not
 * take the server's event loop: runs EXPORTS downloads of PATH at once, each read as fast as it arrives,
 * and meanwhile one probe request after another (keep-alive); prints the probe latencies and the time
 * each export took. With EXPORTS 0 it sends PROBES probes alone.
 */
import { Agent, get } from "node:http";

const [base, exportPath, exportsArg, probesArg] = process.argv.slice(2) as [string, string, string, string];
const exportCount = Number(exportsArg);
const probeCount = Number(probesArg);
const PROBE = "/api/events?limit=1";

/** GETs `url` and reads its whole body; resolves with the status, the bytes read and the time taken. */
function download(url: string, agent?: Agent): Promise<{ status: number; bytes: number; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - start }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
let running = exportCount > 0;
const exportsDone = Promise.all(
  Array.from({ length: exportCount }, () => download(`${base}${exportPath}`, new Agent())),
).finally(() => (running = false));
const probeMs: number[] = [];
while (exportCount > 0 ? running : probeMs.length < probeCount) {
  probeMs.push((await download(`${base}${PROBE}`, agent)).ms);
}
const exports = await exportsDone;
agent.destroy();
process.stdout.write(`${JSON.stringify({ probeMs, exports })}\n`);
