import { join } from "node:path";
import { createApp } from "../src/http/app.js";
import { type RunningServer, startServer } from "../src/http/server.js";
import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { SearchService } from "../src/search/searchService.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { tempDir } from "./runCli.js";

/** A real server over real HTTP on a free port, on a temp database holding the bundled dataset. */
export async function startTestServer(): Promise<{
  server: RunningServer;
  db: Database;
  search: SearchService;
  stop: () => Promise<void>;
}> {
  const db = await openDatabase({ kind: "sqlite", path: join(tempDir(), "api.db") });
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
    },
  };
}
