// `@loginkit/cli` is used through its `loginkit` bin; this entry runs the same program in process
// and names the environment variables it reads, for tools that set them.
export { EXIT } from "./exit-codes.js";
export type { Io } from "./io.js";
export { runLoginkit } from "./program.js";
export { environmentName, environmentPrefix } from "./providers/environment-names.js";
