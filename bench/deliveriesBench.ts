import { operator } from "../src/domain/account.js";
import { buildServices } from "../src/app/appServices.js";
import { fanOut } from "../src/app/deliveries.js";
import { addSubscription } from "../src/app/subscriptions.js";
import { SubscriptionRequest } from "../src/domain/subscription.js";
import { SearchService } from "../src/search/searchService.js";
import { openDatabase } from "../src/storage/database.js";
import {
  BY_OPERATOR,
  lockForWriting,
  writeEvents,
  WRITE_BATCH,
} from "../src/storage/repos/eventWriteRepo.js";
import { inTransaction } from "../src/storage/transaction.js";
import type { Measurement } from "./harness.js";
import { generateEvents } from "./syntheticEvents.js";

// What subscriptions cost the writers and what the fan-out costs: writing N events with no subscription
// (no outbox) and with some (an outbox entry per event, in the same transaction), then fanning the N
// entries out to the subscriptions, which matches each batch against every saved search.

/** Events written per run: `AIGOV_BENCH_DELIVERIES_SIZE`, default 20,000. */
const SIZE = Number(process.env.AIGOV_BENCH_DELIVERIES_SIZE ?? 20_000);
const SUBSCRIPTIONS = [
  { kind: "search", search: { jurisdiction: ["EU"] } },
  { kind: "search", search: { q: "AI" } },
  { kind: "search", search: { q: "人工智能", tag: [] } },
  { kind: "jurisdiction", code: "US" },
  { kind: "search", search: { type: ["law"], bindingness: ["binding"] } },
] as const;

/** Writes the synthetic events in batches, as an import does; the time it took in ms. */
async function writeAll(db: Awaited<ReturnType<typeof openDatabase>>): Promise<number> {
  const events = [...generateEvents(SIZE)];
  const started = performance.now();
  await inTransaction(db, async (trx) => {
    await lockForWriting(trx);
    for (let at = 0; at < events.length; at += WRITE_BATCH)
      await writeEvents(
        trx,
        events.slice(at, at + WRITE_BATCH),
        "bench",
        new Date().toISOString(),
        BY_OPERATOR,
      );
  });
  return performance.now() - started;
}

export async function benchDeliveries(): Promise<Measurement[]> {
  const plain = await openDatabase({ kind: "sqlite", path: ":memory:" });
  const without = await writeAll(plain);
  await plain.destroy();

  const db = await openDatabase({ kind: "sqlite", path: ":memory:" });
  const services = buildServices({ db, search: new SearchService(db) }, () => "http://localhost:8080");
  for (const scope of SUBSCRIPTIONS)
    await addSubscription(
      services,
      operator(null),
      SubscriptionRequest.parse({
        scope,
        webhook: { url: "https://hooks.example.org/x", secret: "s".repeat(16) },
      }),
    );
  const withOutbox = await writeAll(db);
  const started = performance.now();
  let entries = 0;
  for (let read = await fanOut(services); read > 0; read = await fanOut(services)) entries += read;
  const fanned = performance.now() - started;
  await db.destroy();
  process.stderr.write(`  fanned out ${entries} outbox entries to ${SUBSCRIPTIONS.length} subscriptions\n`);
  return [
    { name: `deliveries: write ${SIZE} events, no subscription`, median: without },
    {
      name: `deliveries: write ${SIZE} events, ${SUBSCRIPTIONS.length} subscriptions (outbox)`,
      median: withOutbox,
      reference: { name: "no subscription", median: without },
    },
    { name: `deliveries: fan ${SIZE} changes out to ${SUBSCRIPTIONS.length} subscriptions`, median: fanned },
  ];
}
