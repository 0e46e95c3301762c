/** What the benchmark tells the login API server over IPC. */
export type ServerCommand =
  | { type: "expire" }
  | { type: "reset" }
  | { type: "state" }
  | { type: "configure"; signInDelayMs: number };

/** What the server answers: its address once, then its counters after every command. */
export type ServerReply =
  | { type: "listening"; port: number }
  | { type: "state"; signIns: number; generation: number };
