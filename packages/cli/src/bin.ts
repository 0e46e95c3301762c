#!/usr/bin/env node
import { runLoginkit } from "./program.js";

// SIGINT/SIGTERM end `simulate` cleanly (the server closes, exit 0); other commands end by
// themselves. A second signal while stopping exits at once.
const stopSignal = new Promise<string>((resolve) => {
  const stop = (signal: NodeJS.Signals) => {
    resolve(signal);
    process.once(signal, () => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
});

process.exitCode = await runLoginkit(
  process.argv.slice(2),
  {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  },
  stopSignal,
);
