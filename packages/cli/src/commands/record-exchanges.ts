import { readBodyCapped } from "@loginkit/core";
import { type AnswerCap, answerCap } from "../answers/answer-cap.js";

/** One request the client sent and the answer it got, read off the wire. */
export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, else its text, else undefined when empty or over the cap. */
  readonly body: unknown;
  /** Set when the answer went on past the cap core reads it with: drift, and not kept. */
  readonly oversized?: AnswerCap;
}

/**
 * A fetch that keeps a copy of every answer, so `check` sees what the client saw. The copy is
 * read through the same cap core's client uses, so neither side ever holds a whole answer that
 * is larger than that: the client gets the untouched response and reads (and refuses) it itself.
 */
export function createRecordingFetch(exchanges: Exchange[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const cap = answerCap(response.status);
    const { bytes, overflowed } = await readBodyCapped(
      response.clone().body,
      cap.bytes,
      request.signal,
    );
    exchanges.push({
      method: request.method,
      url: new URL(request.url),
      status: response.status,
      headers: response.headers,
      body: overflowed ? undefined : parseBody(new TextDecoder().decode(bytes)),
      ...(overflowed ? { oversized: cap } : {}),
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
