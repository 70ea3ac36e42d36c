// citeproc-js ships no types; this is the part the tests use.
declare module "citeproc" {
  interface EngineSystem {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  class Engine {
    constructor(system: EngineSystem, style: string);
    updateItems(ids: string[]): void;
    makeBibliography(): [unknown, string[]];
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
