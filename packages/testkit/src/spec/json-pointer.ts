// JSON pointers are one of the contract's rules (@loginkit/contract), shared with the generator
// and the lint; these names are the ones the simulator's modules import.
export {
  appendPointer,
  escapePointerToken as escapePointerSegment,
  readPointer,
  writePointer,
} from "@loginkit/contract/rules";
