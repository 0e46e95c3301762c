/**
 * Parses a response body as JSON when possible, else returns its text (or `undefined`).
 * Reads a clone so the caller can still hand the response to openapi-fetch.
 */
export async function readBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.clone().text();
  } catch {
    return undefined;
  }
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
