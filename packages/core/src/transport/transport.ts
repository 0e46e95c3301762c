import { toTransportError } from "#transport-error";
import type { ErrorRequest } from "../errors/LoginkitError.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import { copyHeaders } from "../utils/copy-headers.js";
import type { KnownSecrets } from "../utils/known-secrets.js";
import type { CookieJar } from "./cookie-jar.js";
import { collectTrustedOrigins, type TrustOptions } from "./trusted-origins.js";

/** What a layer above hands the transport to attach on the provider's own origins. */
export interface Attachment {
  /** The access token, sent as the provider's security scheme says. */
  token?: string;
  /** Input headers a session carries (an organisation id learnt at sign-in). */
  inputs?: Readonly<Record<string, string>>;
}

export interface TransportOptions extends TrustOptions {
  /** Headers the caller gives every request to the provider's origins. */
  headers: Headers;
  /** Input values the caller configured, sent as their described headers. */
  inputValues: Readonly<Record<string, string | undefined>>;
  transport(request: Request, signal: AbortSignal): Promise<Response>;
}

/** One hop as the transport builds it: where, how, and whether the browser follows it. */
export interface OutgoingHop {
  url: URL;
  method: string;
  headers: Headers;
  body: BodyInit | undefined;
  /** The body turned into nothing by a 303 (or a 301/302 after POST): its headers go too. */
  bodyDropped: boolean;
  /** Sent for the browser to follow a redirect it hides (see `followHiddenRedirect`). */
  blind: boolean;
}

const CONTENT_HEADERS = ["content-type", "content-length", "content-encoding", "content-language"];

/**
 * The bottom layer: knows the provider's origins, keeps cookies, builds each request object and
 * attaches what it is given only where it belongs. It decides nothing about sending again (see
 * retry/resend-policy.ts) and has no session: the token comes from the layer above, per send.
 */
export class Transport {
  readonly jar?: CookieJar;
  readonly #description: ProviderDescription;
  readonly #options: TransportOptions;
  readonly #trusted: Set<string>;
  readonly #credentialHeaders: string[];
  readonly #secrets: KnownSecrets;

  constructor(
    description: ProviderDescription,
    options: TransportOptions,
    layers: { secrets: KnownSecrets; createCookieJar?: () => CookieJar | undefined },
  ) {
    this.#description = description;
    this.#options = options;
    this.#secrets = layers.secrets;
    this.jar = description.cookies ? layers.createCookieJar?.() : undefined;
    this.#trusted = collectTrustedOrigins(description, options);
    const scheme = description.securityScheme;
    this.#credentialHeaders = [
      "authorization",
      "proxy-authorization",
      "cookie",
      ...(scheme.type === "apiKey" ? [scheme.name.toLowerCase()] : []),
      ...description.inputs
        .filter((input) => input.in === "header")
        .map((input) => input.name.toLowerCase()),
      ...options.headers.keys(),
    ];
  }

  /** Whether `url` is one of the provider's own origins (credentials may go there). */
  isTrusted(url: URL): boolean {
    return this.#trusted.has(url.origin);
  }

  /** Headers the caller configured, for a request built outside openapi-fetch. */
  get defaultHeaders(): Headers {
    return this.#options.headers;
  }

  /**
   * A new request object for one hop. On a trusted origin it carries the credentials and stops
   * at a redirect (core follows it, or in a browser re-sends it blind); elsewhere it carries
   * none, not even a credential header the caller set, and the platform follows redirects. A blind hop keeps only `Authorization`, which
   * browsers drop across origins by themselves.
   */
  build(hop: OutgoingHop, attachment: Attachment | undefined): Request {
    const headers = copyHeaders(hop.headers);
    if (hop.bodyDropped) for (const name of CONTENT_HEADERS) headers.delete(name);
    const trusted = this.isTrusted(hop.url);
    if (trusted) this.attach(headers, hop.url, attachment);
    for (const name of this.#credentialHeaders) {
      if (!trusted || (hop.blind && name !== "authorization")) headers.delete(name);
    }
    const body = hop.body;
    return new Request(hop.url, {
      method: hop.method,
      headers,
      body,
      redirect: trusted && !hop.blind ? "manual" : "follow",
      // A stream goes out as it is read, which fetch allows only half-duplex.
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
  }

  /**
   * Sends one request object under `signal`. Only what the transport itself throws becomes a
   * `NetworkError` (retryable); cookies of a trusted origin are kept.
   */
  send(
    request: Request,
    url: URL,
    signal: AbortSignal,
    described: ErrorRequest,
  ): Promise<Response> {
    const fail = (error: unknown) => {
      throw toTransportError(error, described, this.#secrets.list());
    };
    let sent: Promise<Response>;
    try {
      sent = Promise.resolve(this.#options.transport(request, signal));
    } catch (error) {
      return Promise.reject(toTransportError(error, described, this.#secrets.list()));
    }
    const jar = this.jar;
    if (!jar || !this.isTrusted(url)) return sent.then(undefined, fail);
    return sent.then((response) => {
      jar.capture(url, response.headers);
      return response;
    }, fail);
  }

  /** Sets token, input headers and cookies on `headers`; returns the names it set. */
  attach(headers: Headers, url: URL, attachment: Attachment | undefined): string[] {
    const added: string[] = [];
    const set = (name: string, value: string) => {
      headers.set(name, value);
      added.push(name);
    };
    const scheme = this.#description.securityScheme;
    const token = attachment?.token;
    if (token !== undefined) {
      if (scheme.type === "http") set("authorization", `Bearer ${token}`);
      else set(scheme.name, token);
    }
    for (const input of this.#description.inputs) {
      if (input.in !== "header") continue;
      const value = this.#options.inputValues[input.name] ?? attachment?.inputs?.[input.name];
      if (value !== undefined) set(input.name, value);
    }
    const cookie = this.jar?.headerFor(url);
    if (cookie !== undefined) set("cookie", cookie);
    return added;
  }
}
