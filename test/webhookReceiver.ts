import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A webhook receiver on localhost that records every POST and answers with the statuses it is given. */
export async function startReceiver() {
  const received: { body: string; headers: Record<string, string | string[] | undefined>; status: number }[] =
    [];
  const answers = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const { subscription } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { subscription: string };
      const status = answers.get(subscription)?.shift() ?? 200;
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: request.headers, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** The statuses of the next answers to one subscription's deliveries (then 200). */
    answer: (subscription: string, ...statuses: number[]) =>
      answers.set(subscription, [...(answers.get(subscription) ?? []), ...statuses]),
    /** Forgets the answers still queued for a subscription (the next are 200). */
    reset: (subscription: string) => answers.delete(subscription),
    /** The bodies of the POSTs it acknowledged with a 2xx, parsed. */
    acknowledged: () =>
      received
        .filter((r) => r.status < 300)
        .map((r) => JSON.parse(r.body) as { type: string; delivery: string; event: { id: string } }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
