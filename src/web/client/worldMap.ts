/**
 * Enhances the map (data-module="world-map"): pointing at or focusing a bloc in the list outlines its
 * members on the map (each country link carries data-code, each bloc data-members), and the country
 * under the pointer or focus is named in a live line under the map. Without it the page is complete:
 * the bloc lists its members and every country is a link.
 */
export function worldMap(element: HTMLElement): void {
  const countries = new Map<string, Element[]>();
  for (const country of element.querySelectorAll(".map-country[data-code]")) {
    const code = country.getAttribute("data-code") ?? "";
    countries.set(code, [...(countries.get(code) ?? []), country]);
  }
  const svg = element.querySelector("svg.world-map");
  let outlined: Element[] = [];
  const clear = () => {
    for (const country of outlined) country.classList.remove("is-member");
    outlined = [];
    svg?.classList.remove("has-outline");
  };
  const outline = (bloc: HTMLElement) => {
    clear();
    for (const code of (bloc.dataset.members ?? "").split(/\s+/).filter(Boolean))
      for (const country of countries.get(code) ?? []) {
        // Marked by class only: moving the shapes would change the order keyboards tab through.
        country.classList.add("is-member");
        outlined.push(country);
      }
    if (outlined.length) svg?.classList.add("has-outline");
  };
  for (const bloc of element.querySelectorAll<HTMLElement>(".bloc[data-members]")) {
    bloc.addEventListener("mouseenter", () => outline(bloc));
    bloc.addEventListener("mouseleave", clear);
    bloc.addEventListener("focusin", () => outline(bloc));
    bloc.addEventListener("focusout", clear);
  }

  const status = document.createElement("p");
  status.className = "map-status";
  status.setAttribute("aria-live", "polite");
  element.querySelector(".map-figure")?.appendChild(status);
  const name = (event: Event) => {
    const country = (event.target as Element | null)?.closest?.(".map-country");
    status.textContent = country?.getAttribute("aria-label") ?? "";
  };
  svg?.addEventListener("mouseover", name);
  svg?.addEventListener("focusin", name);
}
