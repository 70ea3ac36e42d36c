/** One record as a reader found it, before it is checked as an event: where it starts, and its value. */
export interface SourceRecord {
  line: number;
  record: unknown;
}
