// `@loginkit/cli` is used through its `loginkit` bin; this entry runs the same program in process.
export { EXIT } from "./exit-codes.js";
export type { Io } from "./io.js";
export { runLoginkit } from "./program.js";
