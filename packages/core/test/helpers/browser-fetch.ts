/** What a browser's fetch shows a script for a redirect it was told not to follow. */
function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperties(response, { type: { value: "opaqueredirect" }, status: { value: 0 } });
  return response;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface BrowserSend {
  url: string;
  redirect: RequestRedirect;
  headers: Record<string, string>;
}

/**
 * A fetch that treats requests as a browser does, in front of `server` (what the provider
 * answers): a script cannot set `Cookie` nor read `Set-Cookie`; a redirect of a `manual` request
 * comes back opaque (status 0, no Location); a `follow` request is followed, Authorization dropped
 * when the redirect leaves the origin. Only bodiless redirects are simulated: core never lets the
 * browser follow anything else.
 */
export function browserFetch(server: (request: Request) => Promise<Response>) {
  const sent: BrowserSend[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let request = new Request(input, init);
    request.headers.delete("cookie");
    for (let hops = 0; ; hops++) {
      sent.push({
        url: request.url,
        redirect: request.redirect,
        headers: Object.fromEntries(request.headers),
      });
      const answer = await server(request);
      if (!REDIRECT_STATUSES.has(answer.status)) {
        const headers = new Headers(answer.headers);
        headers.delete("set-cookie");
        return new Response(answer.body, { status: answer.status, headers });
      }
      if (request.redirect === "manual") return opaqueRedirect();
      if (request.redirect === "error" || hops === 20) throw new TypeError("Failed to fetch");
      const target = new URL(answer.headers.get("location") ?? "", request.url);
      const headers = new Headers(request.headers);
      if (target.origin !== new URL(request.url).origin) headers.delete("authorization");
      request = new Request(target, { method: request.method, headers, redirect: "follow" });
    }
  };
  return { fetch, sent };
}
