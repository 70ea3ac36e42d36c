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
  /** What made the change: the imported file, "bundled dataset", an editor. */
  origin: string;
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
}
