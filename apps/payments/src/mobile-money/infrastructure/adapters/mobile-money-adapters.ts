import type { MobileMoneyProvider } from '@marketplace/contracts';
import type { Clock } from '@marketplace/kernel';
import type { PaymentProviderPort } from '../../../payments/application/payment-provider';
import { darajaSettings, type MobileMoneyConfig } from '../../mobile-money-config';
import { MpesaDarajaProvider } from './mpesa-daraja-provider';
import { SimulatedMobileMoneyProvider } from './simulated-mobile-money-provider';

/**
 * The adapter of each network: M-Pesa through Daraja when configured; TigoPesa, Airtel Money and
 * PayNow (no adapter yet), and M-Pesa without credentials, through the simulated network.
 */
export function mobileMoneyAdapters(config: MobileMoneyConfig, clock: Clock): Record<MobileMoneyProvider, PaymentProviderPort> {
  const simulated = new SimulatedMobileMoneyProvider();
  const daraja = darajaSettings(config);
  return { mpesa: daraja ? new MpesaDarajaProvider(daraja, clock) : simulated, tigopesa: simulated, airtel_money: simulated, paynow: simulated };
}
