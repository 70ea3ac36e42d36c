import type { z } from "zod";
import type { AppServices } from "./appServices.js";
import { notFound } from "./appError.js";
import type { InstrumentDetail, InstrumentSummary } from "./responses.js";

/** Every instrument behind the checker, each with the ids of its obligations and of its amendments. */
export function listInstruments(services: AppServices): z.output<typeof InstrumentSummary>[] {
  const { instruments, obligations } = services.obligations;
  return instruments.map((instrument) => ({
    ...instrument,
    obligations: obligations.filter((o) => o.instrument === instrument.id).map((o) => o.id),
    amendedBy: instruments.filter((i) => i.amends.includes(instrument.id)).map((i) => i.id),
  }));
}

/** One instrument with its obligations in full; not found when no instrument has the id. */
export function instrumentDetail(services: AppServices, id: string): z.output<typeof InstrumentDetail> {
  const { instruments, obligations } = services.obligations;
  const instrument = instruments.find((i) => i.id === id);
  if (!instrument) throw notFound(`no instrument with id "${id}"`);
  return {
    ...instrument,
    obligations: obligations.filter((o) => o.instrument === id),
    amendedBy: instruments.filter((i) => i.amends.includes(id)).map((i) => i.id),
  };
}
