// Local `$ref` chains are followed by the contract (@loginkit/contract), as everywhere else.
export { type ResolvedNode, resolveReference } from "@loginkit/contract";
