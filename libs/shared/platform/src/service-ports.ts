/** Each service's HTTP port (health, metrics, operations; the gateway's API) unless HTTP_PORT says otherwise. */
export const SERVICE_PORTS = {
  gateway: 3000,
  'number-inventory': 3101,
  assignment: 3102,
  fax: 3103,
  'extension-device': 3104,
  'call-flow': 3105,
  scheduler: 3106,
} as const;

export type ServiceName = keyof typeof SERVICE_PORTS;
