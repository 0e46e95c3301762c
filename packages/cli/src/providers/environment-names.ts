/** `vero-oms` → `LOGINKIT_VERO_OMS`: the prefix of every variable the CLI reads for a provider. */
export function environmentPrefix(providerId: string): string {
  return `LOGINKIT_${toConstantCase(providerId)}`;
}

/** `("pulse-crm", "apiSecret")` → `LOGINKIT_PULSE_CRM_API_SECRET`. */
export function environmentName(providerId: string, field: string): string {
  return `${environmentPrefix(providerId)}_${toConstantCase(field)}`;
}

/** `apiSecret`, `api-secret`, `api_secret` → `API_SECRET`. */
export function toConstantCase(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z\d]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
}
