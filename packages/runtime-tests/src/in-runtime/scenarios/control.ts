/** Calls to the harness's control server, which holds the simulators in the test process. */
export interface Control {
  /** Every access token the simulator issued is expired from now on. */
  expireTokens(simulator: string): Promise<void>;
  /** The last code the simulator "sent" to `address` (Vero's recovery code). */
  lastCode(simulator: string, address: string): Promise<string>;
}

export function createControl(controlUrl: string): Control {
  return {
    async expireTokens(simulator) {
      // A bodiless POST is a "simple" request: no CORS preflight from a browser page.
      const response = await fetch(`${controlUrl}/simulators/${simulator}/expire-tokens`, {
        method: "POST",
      });
      if (!response.ok) throw new Error(`expire-tokens answered ${response.status}`);
    },
    async lastCode(simulator, address) {
      const query = new URLSearchParams({ to: address });
      const response = await fetch(`${controlUrl}/simulators/${simulator}/last-code?${query}`);
      if (!response.ok) throw new Error(`last-code answered ${response.status}`);
      const { code } = (await response.json()) as { code: string };
      return code;
    },
  };
}
