import { api } from "./loginkit.js";

/** What the signed-in user sees: data from your API, read with the shared session. */
export function Account(props: { readonly expiresAt: number | undefined }) {
  const account = api.useQuery("get", "/__loginkit/protected");
  if (account.isPending) return <p>Loading…</p>;
  if (account.isError) return <p role="alert">Could not load your account.</p>;
  return (
    <section>
      <p>
        Signed in as <strong data-testid="subject">{account.data.subject}</strong>
      </p>
      <p>
        Session <code data-testid="session-id">{account.data.tokenId}</code>
        {props.expiresAt
          ? `, renewed before ${new Date(props.expiresAt).toLocaleTimeString()}`
          : ""}
      </p>
      <button type="button" onClick={() => void account.refetch()}>
        Reload
      </button>
    </section>
  );
}
