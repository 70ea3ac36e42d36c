import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread on a module beside the caller's (`name` without extension): the built .js,
 * or, when aigov runs from source, the .ts through tsx's loader, registered inside the worker (a worker
 * does not inherit the main thread's loader hooks).
 */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const script = new URL(`./${name}.ts`, callerUrl).href;
  return new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`,
    { ...options, eval: true },
  );
}
