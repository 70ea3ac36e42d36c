import type { DatabaseLocation } from "../config.js";
import type { Database } from "../storage/database.js";
import { countEvents, findEvents, readChangedIds, readChangeSeq } from "../storage/repos/eventRepo.js";
import { readDatabaseId } from "../storage/repos/metadataRepo.js";
import { buildIndex, buildSnapshotApart } from "./indexBuild.js";
import { readSnapshot, writeSnapshot } from "./indexSnapshot.js";
import { LiveIndex } from "./liveIndex.js";

/** Below this many events, indexing is quicker than reading a snapshot, so none is kept. */
const SNAPSHOT_THRESHOLD = 5000;
/**
 * Events from which, when the service knows where its database is, an index is built in a process of
 * its own that saves a snapshot, loaded afterwards (the memory of the build is given back when that
 * process ends). Below it, the build is small and quicker in this process.
 */
const SEPARATE_BUILD_THRESHOLD = 20_000;
/** Events changed since the base was built beyond which a new base is built, in the background. */
const REBUILD_AT = 1000;
/**
 * Events changed since the base beyond which changes are no longer applied one by one (each update
 * builds the delta again, so its cost grows with it): the index waits for the new base instead.
 */
const MAX_DELTA = 5000;

/**
 * The search index of one database, kept current. It keeps an in-memory index that follows the database's change log
 * (event_changes): a write by this process or any other is applied in place, as a small delta over a
 * large base (see LiveIndex), so that it is searchable within a moment even at a million events. A
 * new base is built in the background when the delta grows large, or when too much changed at once
 * (a bulk import); a snapshot of the base beside the database lets the next start skip the build, and
 * the changes logged after it are applied on load.
 */
export class IndexKeeper {
  private live: LiveIndex | null = null;
  /** The last entry of the change log that the live index includes. */
  private seq = -1;
  private updating: Promise<LiveIndex> | null = null;
  private newest = { seq: -1, readAt: 0 };
  private rebuilding: Promise<void> | null = null;

  constructor(
    protected readonly db: Database,
    private readonly options: {
      /** Where to keep a snapshot of the index between runs (large databases start in seconds). */
      snapshotPath?: string;
      /**
       * Where the database is, for a process of its own to open: with a snapshot path, a large index
       * is then built in that process, which saves the snapshot and ends, and this one loads it. A
       * long-running server gives it, so that a build's memory does not stay with the server.
       */
      location?: DatabaseLocation;
      /** Events from which a build runs apart, given a location (SEPARATE_BUILD_THRESHOLD; tests lower it). */
      separateBuildFrom?: number;
      /** Told how the index came to be, for logs. */
      onIndexed?: (how: "built" | "loaded", events: number, seconds: number) => void;
      /** Told how far a build has come, for a progress line. */
      onProgress?: (indexed: number, total: number) => void;
      /** Awaited before each update starts (lets a caller hold updates back, as tests of readers do). */
      beforeUpdate?: () => Promise<void>;
      /**
       * How long the change log's newest number, once read, is taken as current (0: read on every
       * search). A server that follows the change log (followChanges calls refresh()) sets it, so that
       * a request costs no query for it; a write is then seen within this time at most.
       */
      seqMaxAgeMs?: number;
    } = {},
  ) {}

  /**
   * The index to answer from. When the data changed, an update starts, but readers never wait for it
   * while there is an index: they get the previous one until the new one is ready. Only the first
   * call, with no index yet, waits.
   */
  async currentIndex(): Promise<LiveIndex> {
    const seq = await this.newestSeq();
    if (this.live && seq === this.seq) return this.live;
    const update = this.update();
    if (!this.live) return update;
    update.catch((error: Error) =>
      process.stderr.write(`warning: the search index could not be updated: ${error.message}\n`),
    );
    return this.live;
  }

  /** The change-log entry the index that answers now includes (an update may be under way). */
  async servedVersion(): Promise<number> {
    await this.currentIndex();
    return this.seq;
  }

  /**
   * Resolves once the index includes every change logged when it was called, and no update or
   * rebuild is running: for callers that need the newest index (tests, tools, benchmarks).
   */
  async settled(): Promise<void> {
    const target = await readChangeSeq(this.db);
    for (;;) {
      await this.refresh();
      const pending = this.updating ?? this.rebuilding;
      if (pending) await pending.catch(() => undefined);
      else if (this.seq >= target) return;
    }
  }

  /** Tells the service that the data may have changed (a NOTIFY, a timer): it looks, and updates now. */
  async refresh(): Promise<void> {
    this.newest.readAt = 0;
    await this.currentIndex();
  }

  /** The change log's newest number, read at most every seqMaxAgeMs. */
  private async newestSeq(): Promise<number> {
    const maxAge = this.options.seqMaxAgeMs ?? 0;
    const now = Date.now();
    if (maxAge > 0 && this.newest.seq !== -1 && now - this.newest.readAt < maxAge) return this.newest.seq;
    this.newest = { seq: await readChangeSeq(this.db), readAt: now };
    return this.newest.seq;
  }

  /** Brings the index up to the newest change, one update at a time. */
  private update(): Promise<LiveIndex> {
    if (this.updating) return this.updating;
    this.updating = (async (): Promise<LiveIndex> => {
      await this.options.beforeUpdate?.();
      const from = this.live;
      if (!from) {
        const { live, seq } = await this.loadOrBuild();
        this.live = live;
        this.seq = seq;
        return live;
      }
      const target = await readChangeSeq(this.db);
      if (target === this.seq) return from;
      const ids = await readChangedIds(this.db, this.seq, target, MAX_DELTA - from.changedCount);
      if (ids === null) {
        // Too much changed to apply one by one: readers keep this index until a new base is ready.
        this.startRebuild();
        return from;
      }
      const live = await this.applyChanges(from, ids);
      // A rebuild that finished meanwhile replaced the index with a newer one: keep that.
      if (this.live === from) {
        this.live = live;
        this.seq = target;
      }
      if (live.changedCount > REBUILD_AT) this.startRebuild();
      return this.live ?? live;
    })().finally(() => {
      this.updating = null;
    });
    return this.updating;
  }

  /** A live index with the current versions of these events (those no longer stored are removed). */
  private async applyChanges(from: LiveIndex, ids: string[]): Promise<LiveIndex> {
    if (ids.length === 0) return from;
    const events = await findEvents(this.db, ids);
    const found = new Set(events.map((event) => event.id));
    return from.apply(
      events,
      ids.filter((id) => !found.has(id)),
    );
  }

  /** Builds a new base in the background, brings it up to date, and then answers from it. */
  private startRebuild(): void {
    this.rebuilding ??= (async () => {
      await this.options.beforeUpdate?.();
      const { live, seq } = await this.build(await readChangeSeq(this.db));
      const target = await readChangeSeq(this.db);
      const ids = await readChangedIds(this.db, seq, target, MAX_DELTA);
      this.live = ids === null ? live : await this.applyChanges(live, ids);
      this.seq = ids === null ? seq : target;
    })()
      .catch((error: Error) => {
        process.stderr.write(`warning: the search index could not be rebuilt: ${error.message}\n`);
      })
      .finally(() => {
        this.rebuilding = null;
      });
  }

  /** The first index: the snapshot's, brought up to date from the change log, or else a new build. */
  private async loadOrBuild(): Promise<{ live: LiveIndex; seq: number }> {
    const started = performance.now();
    const seq = await readChangeSeq(this.db);
    const loaded = await this.loadSnapshot(seq);
    if (loaded) {
      this.options.onIndexed?.("loaded", loaded.live.size, (performance.now() - started) / 1000);
      return loaded;
    }
    return this.build(seq);
  }

  /**
   * The snapshot's index with the changes logged after it up to `seq` applied, or null when there is no
   * snapshot of this database that can be brought up to date so (none, another state of the database,
   * too much changed since).
   */
  private async loadSnapshot(seq: number): Promise<{ live: LiveIndex; seq: number } | null> {
    const path = this.options.snapshotPath;
    if (path === undefined) return null;
    const loaded = await readSnapshot(path, await readDatabaseId(this.db));
    // A snapshot ahead of the log belongs to another state of the database (a restored backup).
    const ids =
      loaded && loaded.seq <= seq ? await readChangedIds(this.db, loaded.seq, seq, MAX_DELTA) : null;
    if (!loaded || !ids) return null;
    const live = await this.applyChanges(LiveIndex.of(loaded.index), ids);
    // A last check against a history that went another way (a backup restored, then written to): the
    // events counted must be the events indexed.
    return live.size === (await countEvents(this.db)) ? { live, seq } : null;
  }

  /**
   * Builds a base from every event, as of change `seq` or later (the change log is read before the
   * events, so a change made during the build is applied again afterwards, never missed), and saves
   * its snapshot. A large one is built apart when it can be (see SEPARATE_BUILD_THRESHOLD).
   */
  private async build(seq: number): Promise<{ live: LiveIndex; seq: number }> {
    const started = performance.now();
    const events = await countEvents(this.db);
    const onProgress = (indexed: number) => this.options.onProgress?.(indexed, events);
    const { snapshotPath: path, location } = this.options;
    if (
      path !== undefined &&
      location !== undefined &&
      events >= (this.options.separateBuildFrom ?? SEPARATE_BUILD_THRESHOLD)
    ) {
      const built = await buildSnapshotApart({ location, snapshotPath: path }, onProgress).then(
        // Loaded as at any start: the changes logged while it was built are applied on load.
        async () => this.loadSnapshot(await readChangeSeq(this.db)),
        (error: Error) => {
          process.stderr.write(
            `warning: the search index could not be built in a process of its own (${error.message}); building it here\n`,
          );
          return null;
        },
      );
      if (built) {
        this.options.onIndexed?.("built", built.live.size, (performance.now() - started) / 1000);
        return built;
      }
    }
    const base = await buildIndex(this.db, events, onProgress);
    this.options.onIndexed?.("built", base.size, (performance.now() - started) / 1000);
    if (path !== undefined && base.size >= SNAPSHOT_THRESHOLD)
      await writeSnapshot(path, base, { databaseId: await readDatabaseId(this.db), seq }).catch(
        (error: Error) =>
          process.stderr.write(`warning: could not save the search index to ${path}: ${error.message}\n`),
      );
    return { live: LiveIndex.of(base), seq };
  }

  /** Runs a search and loads the page of events, each with a snippet when there is a query. */
}
