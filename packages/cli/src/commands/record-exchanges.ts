/** One request the client sent and the answer it got, read off the wire. */
export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, else its text, else undefined when empty. */
  readonly body: unknown;
}

/** A fetch that keeps a copy of every answer, so `check` sees what the client saw. */
export function createRecordingFetch(exchanges: Exchange[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const text = await response.clone().text();
    exchanges.push({
      method: request.method,
      url: new URL(request.url),
      status: response.status,
      headers: response.headers,
      body: parseBody(text),
    });
    return response;
  };
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
