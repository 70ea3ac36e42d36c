import type { AppServices } from "../app/appServices.js";
import { catalogPage } from "../app/searchCatalog.js";
import type { Language } from "../domain/localizedText.js";

/**
 * The absolute addresses an answer cites on aigov, from the services' base URL (the server's own, or
 * `aigov mcp --base-url`): the page a person reads and the JSON the API answers with. The official
 * sources are cited by the records themselves (an event's `sources`, a duty's `citation`).
 */
export interface Links {
  eventPage(id: string, lang: Language): string;
  eventApi(id: string): string;
  instrumentPage(id: string, lang: Language): string;
  instrumentApi(id: string): string;
  /** A duty's entry on its instrument's page. */
  dutyPage(
    duty: { id: string; instrument: string; jurisdiction: string; title: { zh?: string; en?: string } },
    lang: Language,
  ): string;
  /** The deadlines page with the same selection. */
  deadlinesPage(query: URLSearchParams, lang: Language): string;
}

export function linksOf(services: Pick<AppServices, "baseUrl">): Links {
  const at = (path: string) => `${services.baseUrl()}${path}`;
  const id = (value: string) => encodeURIComponent(value);
  return {
    eventPage: (event, lang) => at(`/events/${id(event)}?lang=${lang}`),
    eventApi: (event) => at(`/api/events/${id(event)}`),
    instrumentPage: (instrument, lang) => at(`/instruments/${id(instrument)}?lang=${lang}`),
    instrumentApi: (instrument) => at(`/api/instruments/${id(instrument)}`),
    dutyPage: (duty, lang) =>
      at(
        catalogPage(
          {
            kind: "duty",
            id: duty.id,
            instrument: duty.instrument,
            jurisdiction: duty.jurisdiction,
            title: duty.title,
            article: null,
          },
          lang,
        ),
      ),
    deadlinesPage: (query, lang) => {
      const params = new URLSearchParams(query);
      params.set("lang", lang);
      return at(`/deadlines?${params}`);
    },
  };
}
