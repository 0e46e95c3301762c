interface ImportMetaEnv {
  /** Vero's base URL, baked in at build time (`VITE_VERO_BASE_URL=… vite build`). */
  readonly VITE_VERO_BASE_URL?: string;
}
