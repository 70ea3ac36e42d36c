import type { Kysely } from "kysely";
import { LinkOutcome, type LinkState } from "../../domain/linkStatus.js";
import type { LinksTable, Tables } from "../schema.js";
import { chunksOf } from "./chunks.js";
import { parseBody } from "./storedEvent.js";

// The link checker's records: each cited URL's last state, who cites it, and the lease of the one check
// that may run at a time on a database.

type Db = Kysely<Tables>;

/** Who cites a URL: an event or an instrument of the reference data (its duties included), by id. */
export interface LinkCitation {
  url: string;
  kind: "event" | "instrument";
  subject: string;
}

const toState = (row: LinksTable): LinkState => ({
  url: row.url,
  outcome: LinkOutcome.parse(row.outcome),
  status: row.status === null ? null : Number(row.status),
  finalUrl: row.final_url,
  error: row.error,
  checkedAt: row.checked_at,
  lastOkAt: row.last_ok_at,
  firstBrokenAt: row.first_broken_at,
  failures: Number(row.failures),
  firstCitedOn: row.first_cited_on,
});

const toRow = (state: LinkState): LinksTable => ({
  url: state.url,
  outcome: state.outcome,
  status: state.status,
  final_url: state.finalUrl,
  error: state.error,
  checked_at: state.checkedAt,
  last_ok_at: state.lastOkAt,
  first_broken_at: state.firstBrokenAt,
  failures: state.failures,
  first_cited_on: state.firstCitedOn,
});

// URLs per IN list: well under both dialects' bound-parameter limits.
const IN_LIST = 1000;

/** The recorded states of these URLs (those never checked are absent). */
export async function readLinkStates(db: Db, urls: readonly string[]): Promise<Map<string, LinkState>> {
  const states = new Map<string, LinkState>();
  const unique = [...new Set(urls)];
  for (let i = 0; i < unique.length; i += IN_LIST) {
    const rows = await db
      .selectFrom("links")
      .selectAll()
      .where("url", "in", unique.slice(i, i + IN_LIST))
      .execute();
    for (const row of rows) states.set(row.url, toState(row));
  }
  return states;
}

/** Records a link's state, replacing the one it had. */
export async function writeLinkState(db: Db, state: LinkState): Promise<void> {
  const row = toRow(state);
  const { url: _url, ...rest } = row;
  await db
    .insertInto("links")
    .values(row)
    .onConflict((c) => c.column("url").doUpdateSet(rest))
    .execute();
}

/** The URLs whose last check failed (broken or unreachable), for a run that checks those again. */
export async function failingLinkUrls(db: Db, outcomes: readonly LinkOutcome[]): Promise<string[]> {
  const rows = await db
    .selectFrom("links")
    .select("url")
    .where("outcome", "in", [...outcomes])
    .orderBy("url")
    .execute();
  return rows.map((row) => row.url);
}

/**
 * Replaces the citations of these kinds with what a run found, in one transaction (a reader sees the
 * old or the new).
 */
export async function replaceLinkCitations(
  db: Db,
  citations: readonly LinkCitation[],
  kinds: readonly LinkCitation["kind"][],
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("link_citations")
      .where("kind", "in", [...kinds])
      .execute();
    for (const chunk of chunksOf([...citations]))
      await tx.insertInto("link_citations").values(chunk).execute();
  });
}

/** The citations of these URLs, by URL, each list by kind then id. */
export async function citationsOf(db: Db, urls: readonly string[]): Promise<Map<string, LinkCitation[]>> {
  const byUrl = new Map<string, LinkCitation[]>();
  for (let i = 0; i < urls.length; i += IN_LIST) {
    const rows = await db
      .selectFrom("link_citations")
      .selectAll()
      .where("url", "in", urls.slice(i, i + IN_LIST))
      .orderBy("kind")
      .orderBy("subject")
      .execute();
    for (const row of rows) {
      const list = byUrl.get(row.url) ?? [];
      list.push({ url: row.url, kind: row.kind === "event" ? "event" : "instrument", subject: row.subject });
      byUrl.set(row.url, list);
    }
  }
  return byUrl;
}

/** A page of recorded links with these outcomes (all when null), by URL, and how many there are. */
export async function listLinkStates(
  db: Db,
  outcomes: readonly LinkOutcome[] | null,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: LinkState[] }> {
  let base = db.selectFrom("links");
  if (outcomes) base = base.where("outcome", "in", [...outcomes]);
  const count = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
  const rows = await base.selectAll().orderBy("url").limit(page.limit).offset(page.offset).execute();
  return { total: Number(count?.n ?? 0), items: rows.map(toState) };
}

/**
 * Takes the named lease for `holder` until `until` if nobody else holds it now (or extends it when
 * `holder` has it already). One UPDATE decides, so of several servers asking at once one wins on either
 * dialect: SQLite serialises writers, and PostgreSQL re-checks the WHERE on the row a concurrent winner
 * has just updated.
 */
export async function takeLease(
  db: Db,
  name: string,
  holder: string,
  now: string,
  until: string,
): Promise<boolean> {
  await db
    .insertInto("link_check_lease")
    .values({ name, holder: "", expires_at: "", last_finished_at: null })
    .onConflict((c) => c.column("name").doNothing())
    .execute();
  const result = await db
    .updateTable("link_check_lease")
    .set({ holder, expires_at: until })
    .where("name", "=", name)
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("holder", "=", holder)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives the lease up, if `holder` still has it; `finishedAt` records a check that ran to its end. */
export async function releaseLease(db: Db, name: string, holder: string, finishedAt?: string): Promise<void> {
  await db
    .updateTable("link_check_lease")
    .set(
      finishedAt
        ? { holder: "", expires_at: "", last_finished_at: finishedAt }
        : { holder: "", expires_at: "" },
    )
    .where("name", "=", name)
    .where("holder", "=", holder)
    .execute();
}

/** When the last check under the named lease ran to its end, or null. */
export async function leaseLastFinished(db: Db, name: string): Promise<string | null> {
  const row = await db
    .selectFrom("link_check_lease")
    .select("last_finished_at")
    .where("name", "=", name)
    .executeTakeFirst();
  return row?.last_finished_at ?? null;
}

/** Forgets the links nobody cites any more (after a run has recorded who cites what). */
export async function forgetUncitedLinks(db: Db): Promise<void> {
  await db
    .deleteFrom("links")
    .where("url", "not in", (eb) => eb.selectFrom("link_citations").select("url"))
    .execute();
}

/** Every stored event's id, the day it was first stored and its sources' URLs, read in batches. */
export async function* streamEventSourceUrls(
  db: Db,
): AsyncGenerator<{ id: string; createdAt: string; urls: string[] }> {
  const rows = db.selectFrom("events").select(["id", "created_at", "body"]).orderBy("id").stream(1000);
  for await (const row of rows) {
    const event = parseBody(row.body);
    const urls = event.sources.map((s) => s.url).filter((u): u is string => typeof u === "string");
    yield { id: row.id, createdAt: row.created_at, urls };
  }
}
