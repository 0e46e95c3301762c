/** When an answer arrived on our clock, and on the server's per its `Date` header. */
export function receivedAt(response: Response): { now: number; serverNow?: number } {
  const serverNow = Date.parse(response.headers.get("date") ?? "");
  return { now: Date.now(), ...(Number.isFinite(serverNow) ? { serverNow } : {}) };
}
