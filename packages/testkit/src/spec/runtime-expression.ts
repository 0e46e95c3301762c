// `$response.body#/...` is read by the contract's rule (@loginkit/contract), as everywhere else.
export { responseBodyPointer } from "@loginkit/contract/rules";
