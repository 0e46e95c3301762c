// The page script of the TanStack Query test: mounts `Profile` when the test calls `startApp`
// and records every render, so the test sees what a user would have seen.
import type { PulseCrmClientOptions } from "@loginkit/pulse-crm";
import { QueryClientProvider } from "@tanstack/react-query";
import { createRoot } from "react-dom/client";
import { createPulseQueries, Profile, type ProfileState } from "./profile-query.js";

export interface TanstackQueryApp {
  readonly renders: ProfileState[];
  /** What the page shows now. */
  text(): string;
  /** Refetches every query, as a window refocus or an interval would; resolves when settled. */
  refetch(): Promise<void>;
}

function startApp(options: PulseCrmClientOptions): TanstackQueryApp {
  const { api, queryClient } = createPulseQueries(options);
  const renders: ProfileState[] = [];
  const root = document.getElementById("root");
  if (root === null) throw new Error("the page has no #root");
  createRoot(root).render(
    <QueryClientProvider client={queryClient}>
      <Profile api={api} onRender={(state) => renders.push(state)} />
    </QueryClientProvider>,
  );
  return {
    renders,
    text: () => root.textContent ?? "",
    refetch: () => queryClient.refetchQueries(),
  };
}

(globalThis as { startApp?: typeof startApp }).startApp = startApp;
