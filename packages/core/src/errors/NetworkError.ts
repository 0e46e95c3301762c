import { LoginkitError } from "./LoginkitError.js";

/** The request got no response: connection refused or reset, DNS failure, too many redirects. */
export class NetworkError extends LoginkitError {
  override name = "NetworkError";
}
