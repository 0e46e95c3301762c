#!/usr/bin/env node
// The bin pnpm links at install time, before anything is built: a bin pointing into dist/ would
// not exist yet and every install would warn. This file is checked in; the program is in dist/.
try {
  await import("../dist/bin.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/bin.js"))
    throw error;
  process.stderr.write("loginkit: not built yet: run `pnpm --filter @loginkit/cli build`\n");
  process.exitCode = 1;
}
