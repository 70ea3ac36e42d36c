import { addUser, createToken } from "../src/app/accounts.js";
import type { AppContext } from "../src/app/appContext.js";
import { type AppServices, buildServices } from "../src/app/appServices.js";
import { operator, type Role } from "../src/domain/account.js";
import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { SearchService } from "../src/search/searchService.js";
import { type AigovApp, createApp } from "../src/server/createApp.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import type { TestDatabase, TestDialect } from "./testDatabases.js";

// The app of the editorial API suites: the bundled dataset on a fresh database of one dialect, a clock
// the test moves, and accounts with API tokens made the way an operator makes them.

/** A clock that stands still until the test moves it (revisions are made at known moments). */
export class TestClock {
  constructor(private at: number) {}
  now = (): Date => new Date(this.at);
  set(iso: string | number): void {
    this.at = typeof iso === "number" ? iso : Date.parse(iso);
  }
  advance(ms: number): string {
    this.at += ms;
    return new Date(this.at).toISOString();
  }
  get iso(): string {
    return new Date(this.at).toISOString();
  }
}

export interface EditorialApp {
  app: AigovApp;
  /** The database, as `--db` names it and as openDatabase takes it (for a second connection). */
  store: TestDatabase;
  db: Database;
  services: AppServices;
  clock: TestClock;
  /** Makes an account with a token (the operator's way): its email, public name and token. */
  account(name: string, role: Role): Promise<{ email: string; name: string; token: string; tokenId: string }>;
  /** A request to the app in process, with a token when given and a JSON body when given. */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  stop(): Promise<void>;
}

/** Starts the app over a fresh database of the dialect, the clock a day after the dataset was loaded. */
export async function startEditorialApp(
  dialect: TestDialect,
  extra: Partial<Pick<AppContext, "allowPrivateWebhooks" | "baseUrl">> = {},
): Promise<EditorialApp> {
  const store: TestDatabase = await dialect.create();
  const db = await openDatabase(store.location);
  await loadBundledDatasetIfEmpty(db);
  const clock = new TestClock(Date.now() + 86_400_000);
  const search = new SearchService(db);
  const context = { db, search, versionMaxAgeMs: 0, clock: clock.now, ...extra };
  const app = createApp(context);
  const services = buildServices(context, () => extra.baseUrl ?? "http://localhost");
  return {
    app,
    store,
    db,
    services,
    clock,
    account: async (name, role) => {
      const email = `${name}@example.org`;
      await addUser(services, operator(null), { email, role, password: "a long enough password" });
      const made = await createToken(services, operator(null), email, "tests");
      return { email, name, token: made.token, tokenId: made.apiToken.id };
    },
    call: (method, path, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers["content-type"] ??= "application/json";
      const body =
        options.body === undefined
          ? undefined
          : typeof options.body === "string"
            ? options.body
            : JSON.stringify(options.body);
      return Promise.resolve(app.hono.request(`http://localhost${path}`, { method, headers, body }));
    },
    stop: async () => {
      await db.destroy();
      await store.drop();
    },
  };
}
