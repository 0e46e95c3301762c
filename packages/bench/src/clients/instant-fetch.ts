/**
 * A fetch that answers at once, without I/O: what remains of a call's time is the client's own
 * work. Sign-in answers a token (with an expiry an hour ahead), everything else an orders body.
 */
export const instantFetch: typeof fetch = async (input) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (url.endsWith("/api/auth/login")) {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    return Response.json({ jwt: "g0.1", session: { expires_at: expiresAt } });
  }
  return new Response('{"orders":[]}', { headers: { "content-type": "application/json" } });
};

/** Any origin works for the injected transport; this one is never dialled. */
export const instantBaseUrl = "http://127.0.0.1:9";
