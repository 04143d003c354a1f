import type { MobileMoneyConfig } from '../../mobile-money-config';

/* Each network's settings, read from the configuration: all of its variables, or none (the network is then simulated). */

export interface DarajaSettings {
  apiBase: string;
  consumerKey: string;
  consumerSecret: string;
  shortcode: string;
  passkey: string;
  callbackUrl: string;
}

const DARAJA_VARS = ['MPESA_CONSUMER_KEY', 'MPESA_CONSUMER_SECRET', 'MPESA_SHORTCODE', 'MPESA_PASSKEY', 'MPESA_CALLBACK_BASE_URL', 'MPESA_CALLBACK_TOKEN'] as const;

/** Daraja's settings when M-Pesa is configured; some but not all of its variables set stops the service at start. */
export function darajaSettings(config: MobileMoneyConfig): DarajaSettings | undefined {
  const missing = DARAJA_VARS.filter((name) => config[name] === undefined);
  if (missing.length === DARAJA_VARS.length) return undefined;
  if (missing.length > 0) throw new Error(`Invalid configuration: ${missing[0]} is required when M-Pesa is configured (${DARAJA_VARS.join(', ')})`);
  const base = (config.MPESA_CALLBACK_BASE_URL as string).replace(/\/+$/, '');
  return {
    apiBase: config.MPESA_API_BASE.replace(/\/+$/, ''),
    consumerKey: config.MPESA_CONSUMER_KEY as string,
    consumerSecret: config.MPESA_CONSUMER_SECRET as string,
    shortcode: config.MPESA_SHORTCODE as string,
    passkey: config.MPESA_PASSKEY as string,
    callbackUrl: `${base}/webhooks/mpesa/${config.MPESA_CALLBACK_TOKEN as string}`,
  };
}

export interface PaynowSettings {
  apiBase: string;
  integrationId: string;
  integrationKey: string;
  resultUrl: string;
  authEmail: string;
}

const PAYNOW_VARS = ['PAYNOW_INTEGRATION_ID', 'PAYNOW_INTEGRATION_KEY', 'PAYNOW_RESULT_BASE_URL', 'PAYNOW_AUTH_EMAIL'] as const;

/** PayNow's settings when configured; some but not all of its variables set stops the service at start. */
export function paynowSettings(config: MobileMoneyConfig): PaynowSettings | undefined {
  const missing = PAYNOW_VARS.filter((name) => config[name] === undefined);
  if (missing.length === PAYNOW_VARS.length) return undefined;
  if (missing.length > 0) throw new Error(`Invalid configuration: ${missing[0]} is required when PayNow is configured (${PAYNOW_VARS.join(', ')})`);
  return {
    apiBase: config.PAYNOW_API_BASE.replace(/\/+$/, ''),
    integrationId: config.PAYNOW_INTEGRATION_ID as string,
    integrationKey: config.PAYNOW_INTEGRATION_KEY as string,
    resultUrl: `${(config.PAYNOW_RESULT_BASE_URL as string).replace(/\/+$/, '')}/webhooks/paynow`,
    authEmail: config.PAYNOW_AUTH_EMAIL as string,
  };
}
