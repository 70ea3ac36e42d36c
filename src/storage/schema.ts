import type { Generated } from "kysely";

/** Row types of the tables, as the migrations create them. JSON columns hold text on every dialect. */
export interface EventsTable {
  id: string;
  seq: number | null;
  document: string | null;
  date_start: string;
  date_end: string | null;
  date_precision: string;
  /** First calendar day the event covers (YYYY-MM-DD), for ordering and range filters. */
  first_day: string;
  /** Last calendar day the event covers, so that a span overlapping a range is found. */
  last_day: string;
  level: string | null;
  type: string | null;
  bindingness: string | null;
  title_zh: string | null;
  title_en: string | null;
  /** The whole event as JSON, in the public shape. */
  body: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface EventJurisdictionsTable {
  event_id: string;
  code: string;
}

export interface EventTagsTable {
  event_id: string;
  tag: string;
}

/** Every version an event has had: nothing an import or an edit replaces is lost. */
export interface EventRevisionsTable {
  event_id: string;
  revision: number;
  body: string;
  changed_at: string;
  /** What made the change: the imported file, "bundled dataset", a published proposal. */
  origin: string;
  /** The account whose proposal this revision published (null for the operator's imports). */
  user_id: string | null;
  /** Why: the proposal's note, or what the publishing editor added to it. */
  note: string | null;
  proposal_id: number | null;
  /** 1 when this revision removed the event (its body is then the last version it had). */
  removed: Generated<number>;
}

export interface UsersTable {
  id: string;
  /** Lower-cased: an address is one account however it is typed. */
  email: string;
  /** What revisions and proposals show of the account in public (never the address). */
  name: string;
  role: string;
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token: the token itself is shown once and never stored. */
  secret_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's value: a copy of the table lets nobody sign in. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  address: string | null;
}

/** One failed sign-in, under "account:EMAIL" and under "address:IP": what throttling counts. */
export interface SignInFailuresTable {
  key: string;
  at: string;
}

export interface ProposalsTable {
  /** Generated; serial (int4) on PostgreSQL, so that pg returns it as a number. */
  id: Generated<number>;
  kind: string;
  event_id: string;
  base_revision: number | null;
  /** JSON: the whole event (add) or the changed fields (change); null for remove and suggestion. */
  payload: string | null;
  note: string;
  source_url: string | null;
  status: string;
  author_id: string | null;
  /** The author's public name, "operator" for `aigov import --propose`, "anonymous" for a suggestion. */
  author_label: string;
  /** Where an anonymous suggestion came from, for rate limiting; never shown. */
  address: string | null;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  /** The revision publishing wrote. */
  revision: number | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  /** Who, as a person reads it: an email, "operator", "anonymous". */
  actor: string;
  action: string;
  subject: string | null;
  /** JSON with what else the action needs said (a role, a file, counts); never a secret. */
  detail: string | null;
  address: string | null;
}

export interface DocumentsTable {
  key: string;
  title: string;
  lang: string;
  year: number | null;
  narrative: string;
  updated_at: string;
}

export interface JurisdictionsTable {
  code: string;
  kind: string;
  name_zh: string | null;
  name_en: string | null;
  parent: string | null;
}

/** One row per event written, in commit order: what derived state (the search index) follows. */
export interface EventChangesTable {
  /** Generated; a bigint on PostgreSQL, which pg returns as a string. */
  seq: Generated<number | string>;
  event_id: string;
  changed_at: string;
}

export interface DataVersionTable {
  id: number;
  version: number;
}

/** Facts about the database itself, such as its id. */
export interface AigovMetadataTable {
  key: string;
  value: string;
}

/** A saved search (or one event, instrument or jurisdiction) and where its changes go. */
export interface SubscriptionsTable {
  id: string;
  /** The account that made it (null: the operator at the command line). */
  owner_id: string | null;
  /** Whom the subscription belongs to, as lists show it: an account's address, or "operator". */
  owner_label: string;
  name: string | null;
  /** "webhook" or "email". */
  channel: string;
  webhook_url: string | null;
  /** The webhook's HMAC key. Kept as given: signing needs it (never shown again after creation). */
  secret: string | null;
  email: string | null;
  /** "immediate", "daily" or "weekly" (e-mail only). */
  digest: string | null;
  lang: string;
  /** What it follows, as JSON (domain/subscription.ts, SubscriptionScope). */
  scope: string;
  created_at: string;
  paused_at: string | null;
  paused_reason: string | null;
  /** Removed subscriptions stay, with their delivery log, but receive nothing more. */
  removed_at: string | null;
  last_digest_at: string | null;
  /** The newest outbox entry when the subscription was made: it is owed only the entries after it. */
  after_seq: number | string;
}

/** What the bundled reference data said last, by key (`instrument:ID`, `correction:EVENT:FIELD`). */
export interface ReferenceSnapshotTable {
  key: string;
  body: string;
}

/** A published change that subscriptions may be owed, written in the change's own transaction. */
export interface OutboxTable {
  seq: Generated<number | string>;
  /** event.published, event.changed, event.removed, instrument.changed, correction.published, correction.changed. */
  type: string;
  /** The event's id (for a correction: the corrected event's), or the instrument's. */
  subject: string;
  /** The revision the change made (for a removal: the revision that records it). */
  revision: number | null;
  at: string;
  /** For an instrument or a correction: JSON { before, after } of what changed. */
  detail: string | null;
}

/** One change owed to one subscription: its id is the `delivery` a receiver sees on every retry. */
export interface DeliveriesTable {
  id: string;
  subscription_id: string;
  outbox_seq: number | string;
  /** pending, delivered, failed (gave up after a day of attempts). */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** While a server is delivering it: others leave it alone until then. */
  lease_until: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  first_attempt_at: string | null;
  delivered_at: string | null;
}

/** A release: its version, when it was made and its manifest's JSON. */
export interface ReleasesTable {
  version: string;
  created_at: string;
  manifest: string;
}

/** One file of a release, its bytes with it. */
export interface ReleaseFilesTable {
  version: string;
  name: string;
  media_type: string;
  bytes: number;
  sha256: string;
  content: Buffer;
}

/** A cited URL as the link checker last found it (domain/linkStatus.ts says what each field means). */
export interface LinksTable {
  url: string;
  outcome: string;
  status: number | null;
  final_url: string | null;
  error: string | null;
  checked_at: string;
  last_ok_at: string | null;
  first_broken_at: string | null;
  failures: number;
  /** YYYY-MM-DD: the day of the archived copy offered in the link's place. */
  first_cited_on: string;
}

/** Who cites a URL, as the last link check found: kind "event" or "instrument", and its id. */
export interface LinkCitationsTable {
  url: string;
  kind: string;
  subject: string;
}

/** The one link check allowed at a time on a database: who holds it, until when. */
export interface LinkCheckLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
  /** When the last check under this lease ran to its end: a server's timer skips a check made recently. */
  last_finished_at: string | null;
}

export interface Tables {
  aigov_metadata: AigovMetadataTable;
  data_version: DataVersionTable;
  events: EventsTable;
  event_jurisdictions: EventJurisdictionsTable;
  event_tags: EventTagsTable;
  event_revisions: EventRevisionsTable;
  event_changes: EventChangesTable;
  documents: DocumentsTable;
  jurisdictions: JurisdictionsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  proposals: ProposalsTable;
  audit_log: AuditLogTable;
  subscriptions: SubscriptionsTable;
  outbox: OutboxTable;
  deliveries: DeliveriesTable;
  reference_snapshot: ReferenceSnapshotTable;
  releases: ReleasesTable;
  release_files: ReleaseFilesTable;
  links: LinksTable;
  link_citations: LinkCitationsTable;
  link_check_lease: LinkCheckLeaseTable;
}
