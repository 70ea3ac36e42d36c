// The readers of test/exportLimits.test.ts, in a process of their own so that they read as fast as the
// bytes come, whatever the server's event loop is doing (a reader in the server's process could not
// read while the server starves it, and the kernel's buffers would throttle the exports for it).
// Usage: node fastExportReaders.mjs BASE EXPORT_PATH COUNT PROBE_PATH. Opens COUNT downloads of
// EXPORT_PATH; once every one has its headers, sends one request to PROBE_PATH; prints, as JSON, the
// order in which they finished ("probe", "export") and each export's status.
import { Agent, get } from "node:http";

const [base, exportPath, count, probePath] = process.argv.slice(2);
const finished = [];
const statuses = [];
let headed = 0;
let probe;
const exports = Array.from(
  { length: Number(count) },
  () =>
    new Promise((resolve, reject) => {
      get(`${base}${exportPath}`, { agent: new Agent() }, (res) => {
        statuses.push(res.statusCode);
        if (++headed === Number(count)) probe = sendProbe();
        res.on("data", () => {});
        res.on("end", () => resolve(finished.push("export")));
        res.on("error", reject);
      }).on("error", reject);
    }),
);
function sendProbe() {
  return new Promise((resolve, reject) => {
    get(`${base}${probePath}`, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(finished.push("probe")));
    }).on("error", reject);
  });
}
await Promise.all(exports);
await probe;
process.stdout.write(`${JSON.stringify({ finished, statuses })}\n`);
