/**
 * Cancels a body core will not read, to free its connection, without waiting for it: the
 * cancel of a tee'd stream (a cloned Response, MSW's mocked answers) settles only once every
 * branch is cancelled, so awaiting it can hang a request for good.
 */
export function discardBody(response: Response | undefined): void {
  if (response?.body && !response.bodyUsed) response.body.cancel().catch(() => {});
}
