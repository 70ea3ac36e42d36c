import type { Instrument } from "../../domain/instrument.js";
import type { Language } from "../../domain/localizedText.js";

/** Each instrument status in both languages (the instrument pages and the comparison by theme). */
export const INSTRUMENT_STATUS: Record<Instrument["status"], Record<Language, string>> = {
  "in-force": { zh: "已生效", en: "in force" },
  adopted: { zh: "已通过", en: "adopted" },
  pending: { zh: "待定", en: "pending" },
  proposed: { zh: "提案", en: "proposed" },
  stayed: { zh: "已被法院暂停执行", en: "stayed by a court" },
  repealed: { zh: "已废止", en: "repealed" },
};
