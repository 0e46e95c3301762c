/** What one benchmark area contributes to BENCHMARKS.md. */
export interface Section {
  readonly title: string;
  /** Markdown: tables and the prose that says what they mean and where a target is missed. */
  readonly body: string;
}
