/**
 * A failed call's error as one table cell: its class, message, HTTP status and the cause's code
 * (ECONNRESET, EMFILE, …), so a failure count can be diagnosed from the report alone.
 */
export function describeFailure(reason: unknown): string {
  if (!(reason instanceof Error)) return String(reason);
  const parts = [`${reason.name}: ${reason.message}`];
  const status = (reason as { response?: { status?: unknown } }).response?.status;
  if (typeof status === "number" && !reason.message.includes(String(status))) {
    parts.push(`status ${status}`);
  }
  const cause = reason.cause as { code?: unknown; message?: unknown } | undefined;
  const code = (reason as { code?: unknown }).code ?? cause?.code;
  if (typeof code === "string") parts.push(code);
  else if (cause && typeof cause.message === "string") parts.push(cause.message);
  return parts.join("; ").replaceAll(/\s+/g, " ").slice(0, 160);
}
