import type { Correction } from "../domain/correction.js";
import type { Instrument } from "../domain/instrument.js";
import { lockForWriting } from "../storage/repos/eventRepo.js";
import * as repo from "../storage/repos/subscriptionRepo.js";
import { inTransaction } from "../storage/transaction.js";
import type { AppServices } from "./appServices.js";

// Instruments and corrections are bundled files (data/), published by releasing a new aigov, not written
// row by row. What they said is kept in the database; a server (or `subscriptions deliver`) that starts
// with different files records the difference as outbox entries, in the transaction that updates what
// is kept: an instrument whose dates or status changed, a correction that is new or says something else.

/** What a subscriber is told of an instrument: its status and its dated steps. */
const instrumentFacts = (instrument: Instrument) =>
  JSON.stringify({
    status: instrument.status,
    dates: instrument.dates.map((step) => ({ kind: step.kind, date: step.date })),
  });

const correctionKey = (correction: Correction) => `correction:${correction.event}:${correction.field}`;

/** The snapshot of the reference data, by key. */
function snapshotOf(services: Pick<AppServices, "obligations">): Map<string, string> {
  const entries: [string, string][] = [
    ...services.obligations.instruments.map((i): [string, string] => [
      `instrument:${i.id}`,
      instrumentFacts(i),
    ]),
    ...services.obligations.corrections.map((c): [string, string] => [correctionKey(c), JSON.stringify(c)]),
  ];
  return new Map(entries);
}

/**
 * Records the reference data the services hold and writes its changes since the last record to the
 * outbox (while anyone subscribes). The first record of a database announces nothing: it is where the
 * archive starts, not a change. Returns how many changes it wrote.
 */
export async function recordReferenceChanges(
  services: Pick<AppServices, "db" | "now" | "obligations">,
): Promise<number> {
  const current = snapshotOf(services);
  return inTransaction(services.db, async (trx) => {
    // In turn with writers and with other servers starting: each difference is announced once.
    await lockForWriting(trx);
    const stored = await repo.readReferenceSnapshot(trx);
    const changed = [...current].filter(([key, body]) => stored.get(key) !== body);
    const gone = [...stored.keys()].filter((key) => !current.has(key));
    if (changed.length === 0 && gone.length === 0) return 0;
    const announce = stored.size > 0 && (await repo.anySubscription(trx));
    const now = services.now();
    const entries = announce
      ? changed.map(([key, body]) => {
          const [kind, subject] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
          const before = stored.get(key);
          const detail = JSON.stringify({
            before: before ? JSON.parse(before) : null,
            after: JSON.parse(body),
          });
          if (kind === "instrument")
            return { type: "instrument.changed", subject, revision: null, at: now, detail };
          return {
            type: before ? "correction.changed" : "correction.published",
            // A correction's subject is the event it corrects.
            subject: subject.slice(0, subject.lastIndexOf(":")),
            revision: null,
            at: now,
            detail,
          };
        })
      : [];
    await repo.writeReferenceSnapshot(
      trx,
      changed.map(([key, body]) => ({ key, body })),
      gone,
    );
    await repo.appendOutbox(trx, entries);
    return entries.length;
  });
}
