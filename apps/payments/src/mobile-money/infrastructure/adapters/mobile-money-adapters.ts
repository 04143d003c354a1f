import type { MobileMoneyProvider } from '@marketplace/contracts';
import type { Clock } from '@marketplace/kernel';
import type { Knex } from 'knex';
import type { PaymentProviderPort } from '../../../payments/application/payment-provider';
import type { MobileMoneyConfig } from '../../mobile-money-config';
import { darajaSettings, paynowSettings } from './adapter-settings';
import { PaynowPollUrls } from '../paynow-poll-urls';
import { MpesaDarajaProvider } from './mpesa-daraja-provider';
import { PaynowProvider } from './paynow-provider';
import { SimulatedMobileMoneyProvider } from './simulated-mobile-money-provider';

/**
 * The adapter of each network: M-Pesa through Daraja and PayNow through its express checkout when
 * configured; TigoPesa and Airtel Money (no adapter yet), and the others without credentials, through
 * the simulated network.
 */
export function mobileMoneyAdapters(config: MobileMoneyConfig, clock: Clock, db: Knex): Record<MobileMoneyProvider, PaymentProviderPort> {
  const simulated = new SimulatedMobileMoneyProvider();
  const daraja = darajaSettings(config);
  const paynow = paynowSettings(config);
  return {
    mpesa: daraja ? new MpesaDarajaProvider(daraja, clock) : simulated,
    paynow: paynow ? new PaynowProvider(paynow, new PaynowPollUrls(db)) : simulated,
    tigopesa: simulated,
    airtel_money: simulated,
  };
}
