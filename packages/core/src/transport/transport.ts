import type { ErrorRequest } from "../errors/LoginkitError.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import type { KnownSecrets } from "../utils/known-secrets.js";
import type { CookieJar } from "./cookie-jar.js";
import {
  type OutgoingRequest,
  sendFollowingRedirects,
  sendOnce,
} from "./send-following-redirects.js";
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

export interface SendSettings {
  /** Redirects to untrusted origins may be followed (user requests), or never (core's own calls). */
  followUntrusted: boolean;
  maxRedirects: number;
  /** The request as errors show it. */
  request: ErrorRequest;
}

/**
 * The bottom layer: knows the provider's origins, follows redirects and keeps cookies, and
 * attaches what it is given only where it belongs. It has no session: the token comes from the
 * layer above, per send.
 */
export class Transport {
  readonly jar?: CookieJar;
  readonly #description: ProviderDescription;
  readonly #options: TransportOptions;
  readonly #trusted: Set<string>;
  readonly #credentialHeaders: string[];
  readonly #secrets: KnownSecrets;
  readonly #listSecrets = () => this.#secrets.list();

  constructor(
    description: ProviderDescription,
    options: TransportOptions,
    layers: { secrets: KnownSecrets; createCookieJar?: () => CookieJar },
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
      ...(scheme.type === "apiKey" ? [scheme.name] : []),
      ...description.inputs.filter((input) => input.in === "header").map((input) => input.name),
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
   * Sends `outgoing`, following redirects itself on the provider's origins so credentials are
   * decided again at every hop.
   */
  send(
    outgoing: OutgoingRequest,
    signal: AbortSignal,
    attachment: Attachment | undefined,
    settings: SendSettings,
  ): Promise<Response> {
    return sendFollowingRedirects(outgoing, signal, this.#hopContext(attachment, settings));
  }

  /**
   * The hot path: a bodiless request to a trusted origin that already says `redirect: "manual"`
   * (openapi-fetch builds them so for a client) goes out as it is, with the credentials set on
   * it for the moment of the send and taken off again before anyone else sees it. Only a
   * redirect answer costs more: the hops are then rebuilt and followed one by one.
   */
  sendPrepared(
    prepared: Request,
    url: URL,
    signal: AbortSignal,
    attachment: Attachment | undefined,
    settings: SendSettings,
  ): Promise<Response> {
    const { headers } = prepared;
    const added = this.#attach(headers, url, attachment);
    const takeOff = () => {
      for (const name of added) headers.delete(name);
    };
    const { transport } = this.#options;
    const context = { ...settings, transport, knownSecrets: this.#listSecrets };
    return sendOnce(context, prepared, signal).then(
      (response) => {
        takeOff();
        if (this.jar) this.jar.capture(url, response.headers);
        const redirected =
          response.type === "opaqueredirect" || (response.status > 299 && response.status < 400);
        if (!redirected) return response;
        const outgoing = { url, method: prepared.method, headers: prepared.headers };
        const hops = this.#hopContext(attachment, settings);
        return sendFollowingRedirects(outgoing, signal, hops, response);
      },
      (error: unknown) => {
        takeOff();
        throw error;
      },
    );
  }

  #hopContext(attachment: Attachment | undefined, settings: SendSettings) {
    return {
      ...settings,
      isTrusted: (url: URL) => this.isTrusted(url),
      addCredentials: (headers: Headers, url: URL) => {
        this.#attach(headers, url, attachment);
      },
      credentialHeaders: this.#credentialHeaders,
      captureCookies: (url: URL, headers: Headers) => this.jar?.capture(url, headers),
      transport: this.#options.transport,
      knownSecrets: this.#listSecrets,
    };
  }

  /** Sets token, input headers and cookies on `headers`; returns the names it set. */
  #attach(headers: Headers, url: URL, attachment: Attachment | undefined): string[] {
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
