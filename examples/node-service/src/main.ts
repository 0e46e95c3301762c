// `pnpm start`: the primary forks the workers and replaces any that dies; each worker serves
// the app on the shared port (node:cluster hands connections to workers in turn).
import cluster from "node:cluster";
import { readConfig } from "./read-config.js";
import { startWorker } from "./start-worker.js";

const config = readConfig(process.env);

if (cluster.isPrimary) {
  let stopping = false;
  for (let index = 0; index < config.workers; index++) cluster.fork();
  let listening = 0;
  cluster.on("listening", (_worker, address) => {
    if (++listening === config.workers)
      console.log(
        `service on http://${config.host}:${address.port} with ${config.workers} workers`,
      );
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.warn(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true;
      // Workers finish the requests they hold; a stuck one does not keep the service up forever.
      setTimeout(() => process.exit(1), 10_000).unref();
      const workers = Object.values(cluster.workers ?? {});
      let running = workers.length;
      if (running === 0) process.exit(0);
      for (const worker of workers) {
        worker?.once("exit", () => {
          if (--running === 0) process.exit(0);
        });
        worker?.process.kill("SIGTERM");
      }
    });
  }
} else {
  await startWorker(config);
}
