/** What events say of an error: its class name only, as its message may quote a secret. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}
