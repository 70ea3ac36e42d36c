// citeproc-js ships no types; this is the part the tests use.
declare module "citeproc" {
  interface EngineSystem {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  interface Engine {
    updateItems(ids: string[]): void;
    makeBibliography(): [unknown, string[]];
  }
  const CSL: { Engine: new (system: EngineSystem, style: string) => Engine };
  export default CSL;
}
