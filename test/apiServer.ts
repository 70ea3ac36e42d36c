import { createApp } from "../src/server/createApp.js";
import { type RunningServer, startServer } from "../src/server/nodeServer.js";
import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { SearchService } from "../src/search/searchService.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { createSqliteDatabase, type TestDatabase } from "./testDatabases.js";

/**
 * A real server over real HTTP on a free port, on a fresh database (a temp SQLite file unless another
 * is given, e.g. a PostgreSQL one from testDatabases) holding the bundled dataset.
 */
export async function startTestServer(create: () => Promise<TestDatabase> = createSqliteDatabase): Promise<{
  server: RunningServer;
  db: Database;
  search: SearchService;
  stop: () => Promise<void>;
}> {
  const store = await create();
  const db = await openDatabase(store.location);
  await loadBundledDatasetIfEmpty(db);
  const search = new SearchService(db);
  const server = await startServer(createApp({ db, search, versionMaxAgeMs: 0 }), {
    port: 0,
    host: "127.0.0.1",
  });
  return {
    server,
    db,
    search,
    stop: async () => {
      await server.close();
      await db.destroy();
      await store.drop();
    },
  };
}
