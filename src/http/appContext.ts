import type { SearchService } from "../search/searchService.js";
import type { Database } from "../storage/database.js";

/** What every route needs: the database and the search service over it (passed in, never global). */
export interface AppContext {
  db: Database;
  search: SearchService;
}
