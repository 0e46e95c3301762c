import { UsageError } from "../errors/cli-error.js";

/**
 * `--base-url` as a URL the CLI may send credentials to: absolute, http(s), no user info. A
 * usage error (exit 2) otherwise, whose message never repeats the URL: one with `user:pass@`
 * in it is exactly the kind of value that must not reach a terminal log.
 */
export function checkBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError("--base-url must be an absolute http:// or https:// URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--base-url must be an http:// or https:// URL, not ${url.protocol}`);
  if (url.username !== "" || url.password !== "")
    throw new UsageError(
      "--base-url must not hold user info (user:password@): credentials come from the environment",
    );
  return url;
}
