/** An answer as it goes on the wire, before it becomes a `Response`. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Exactly what goes on the wire. */
  readonly text?: string;
  /** The connection dies after half of `text` (the `reset` fault). */
  readonly resetMidway?: boolean;
}
