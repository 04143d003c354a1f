/** The seven services and their default ports (PORT overrides). One place, read by the apps, the gateway and `npm start`. */
export const SERVICE_PORTS = {
  gateway: 3000,
  identity: 3001,
  catalog: 3002,
  orders: 3003,
  payments: 3004,
  search: 3005,
  notifications: 3006,
} as const;

export type ServiceName = keyof typeof SERVICE_PORTS;

export const SERVICE_NAMES = Object.keys(SERVICE_PORTS) as ServiceName[];

/** The services behind the gateway, each with its own schema and bus connection. */
export const BACKEND_SERVICES = SERVICE_NAMES.filter((name) => name !== 'gateway');
