import type { AppContext } from "../src/app/appContext.js";
import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { SearchService } from "../src/search/searchService.js";
import { type AigovApp, createApp } from "../src/server/createApp.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { createSqliteDatabase } from "./testDatabases.js";

/**
 * The pages and the API as the server answers them, in process (`app.hono.request()`, no socket): on a
 * fresh SQLite database holding the bundled dataset, every read seeing the latest write. What is tested
 * is the answers, not the network (api.test.ts and the browser suites go through real HTTP).
 */
export async function startInProcessApp(
  options: Omit<AppContext, "db" | "search"> = {},
): Promise<{ app: AigovApp; db: Database; stop: () => Promise<void> }> {
  const store = await createSqliteDatabase();
  const db = await openDatabase(store.location);
  await loadBundledDatasetIfEmpty(db);
  const app = createApp({ db, search: new SearchService(db), versionMaxAgeMs: 0, ...options });
  return {
    app,
    db,
    stop: async () => {
      await db.destroy();
      await store.drop();
    },
  };
}
