export { ATTRIBUTES, METRICS, SPAN_NAMES } from "./attribute-names.js";
export { type InstrumentableClient, type InstrumentOptions, instrument } from "./instrument.js";
