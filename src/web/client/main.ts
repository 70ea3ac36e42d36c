// The browser entry: marks the page as scripted and starts each enhanced component on the elements that
// ask for it with data-module="<name>". Pages are complete without this file; it only enhances.
import { chartTips } from "./chartTips.js";
import { formRows } from "./formRows.js";
import { searchPage } from "./searchPage.js";
import { worldMap } from "./worldMap.js";

/** A component's script: enhances one element that carries data-module="<name>". */
export type ClientModule = (element: HTMLElement) => void;

/** Every enhanced component by its data-module name. Add one line per new component. */
const MODULES: Record<string, ClientModule> = {
  "search-page": searchPage,
  "world-map": worldMap,
  "chart-tips": chartTips,
  "form-rows": formRows,
};

function start(): void {
  document.body.classList.add("js-enabled");
  for (const element of document.querySelectorAll<HTMLElement>("[data-module]")) {
    for (const name of (element.dataset.module ?? "").split(/\s+/)) {
      const module = MODULES[name];
      if (!module) continue;
      try {
        module(element);
      } catch (error) {
        // One broken component must not take the others (or the server-rendered page) down.
        console.error(`aigov: ${name} failed to start`, error);
      }
    }
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
