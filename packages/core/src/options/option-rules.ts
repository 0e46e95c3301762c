import {
  checkFiniteNumber,
  checkHttpUrl,
  checkWholeNumber,
  MAX_TIMER_MS,
  refuse,
} from "./option-checks.js";

/** Checks one given value of an option; throws a `ConfigurationError` naming `path`. */
export type OptionRule = (path: string, value: unknown) => void;

/** An option's rule and, when it has one, its default: one row of an option table. */
export interface OptionRow<Default = unknown> {
  readonly check: OptionRule;
  readonly default?: Default;
}

/** The rows of an options object, by option name. */
export type OptionTable = Readonly<Record<string, OptionRow>>;

/** The defaults a table names, typed as written. */
export type TableDefaults<Table extends OptionTable> = {
  readonly [Key in keyof Table as Table[Key] extends { default: unknown }
    ? Key
    : never]: Table[Key] extends { default: infer Default } ? Default : never;
};

/** A whole number from `min` to `max`, in `unit` (`" of ms"`, `" of bytes"` or none). */
export const wholeNumber =
  (min: number, max: number, unit = ""): OptionRule =>
  (path, value) =>
    checkWholeNumber(path, value, min, max, unit);

/** A duration in ms that a timer can hold. */
export const milliseconds = (min: number): OptionRule => wholeNumber(min, MAX_TIMER_MS, " of ms");

/** A duration in ms, or `false` for none. */
export const millisecondsOrFalse =
  (min: number): OptionRule =>
  (path, value) => {
    if (value !== false)
      checkWholeNumber(path, value, min, MAX_TIMER_MS, " of ms", " (or false for none)");
  };

/** A finite number no smaller than `min` (a delay in ms that may be fractional). */
export const finiteNumber =
  (min: number): OptionRule =>
  (path, value) =>
    checkFiniteNumber(path, value, min);

export const byteCount: OptionRule = wholeNumber(1, Number.MAX_SAFE_INTEGER, " of bytes");

export const httpUrl: OptionRule = checkHttpUrl;

export const nonEmptyString: OptionRule = (path, value) => {
  if (typeof value !== "string" || value === "") refuse(path, "a non-empty string", value);
};

export const aFunction: OptionRule = (path, value) => {
  if (typeof value !== "function") refuse(path, "a function", value);
};

export const trueOrFalse: OptionRule = (path, value) => {
  if (typeof value !== "boolean") refuse(path, "true or false", value);
};

/** One of a few strings, listed in the message. */
export const oneOf =
  (values: readonly string[]): OptionRule =>
  (path, value) => {
    if (!values.includes(value as string)) refuse(path, `one of ${values.join(", ")}`, value);
  };

/** An array whose every item passes `item`, named `path[index]`; `what` says the whole. */
export const arrayOf =
  (what: string, item: OptionRule): OptionRule =>
  (path, value) => {
    if (!Array.isArray(value)) refuse(path, what, value);
    for (const [index, entry] of value.entries()) item(`${path}[${index}]`, entry);
  };

/** An array of items that `test` accepts, refused as a whole (`what` says what it may hold). */
export const arrayWhere =
  (what: string, test: (item: unknown) => boolean): OptionRule =>
  (path, value) => {
    if (!Array.isArray(value) || !value.every(test)) refuse(path, what, value);
  };

/** An object whose named members are functions (a store, a logger). */
export const objectWithMethods =
  (what: string, methods: readonly string[]): OptionRule =>
  (path, value) => {
    if (typeof value !== "object" || value === null) refuse(path, what, value);
    for (const method of methods) {
      aFunction(`${path}.${method}`, (value as Record<string, unknown>)[method]);
    }
  };

/** Checks every option of `table` that `given` sets (undefined counts as unset). */
export function checkOptions(
  table: OptionTable,
  given: Record<string, unknown>,
  prefix = "",
): void {
  for (const name in table) {
    const value = given[name];
    if (value !== undefined) table[name]?.check(`${prefix}${name}`, value);
  }
}

/** The defaults of `table`, as one object (what `defaultClientOptions` and friends export). */
export function defaultsOf<Table extends OptionTable>(table: Table): TableDefaults<Table> {
  const defaults: Record<string, unknown> = {};
  for (const name in table) {
    if (table[name]?.default !== undefined) defaults[name] = table[name].default;
  }
  return defaults as TableDefaults<Table>;
}
