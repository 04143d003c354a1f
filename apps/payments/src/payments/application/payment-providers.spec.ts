import { SimulatedMobileMoneyProvider } from '../../mobile-money/infrastructure/adapters/simulated-mobile-money-provider';
import { SimulatedPaymentProvider } from '../infrastructure/providers/simulated-provider';
import type { PaymentProviderPort } from './payment-provider';
import { PaymentProviders } from './payment-providers';

const card = new SimulatedPaymentProvider();
const simulatedNetwork = new SimulatedMobileMoneyProvider();
const mpesa = { name: 'mpesa' } as PaymentProviderPort;
const providers = new PaymentProviders(card, { mpesa, tigopesa: simulatedNetwork, airtel_money: simulatedNetwork, paynow: simulatedNetwork });
const phoneOf = { mpesa: '+254712345678', tigopesa: '+255712345678', airtel_money: '+255712345678', paynow: '+263771234567' } as const;
const method = (provider: keyof typeof phoneOf) => ({ type: 'mobile_money' as const, provider, phone: phoneOf[provider] });

describe('the payment providers', () => {
  it('charges cards through the card provider and each network through its adapter', () => {
    expect(providers.forMethod('pm_card_visa')).toBe(card);
    expect(providers.forMethod(method('mpesa'))).toBe(mpesa);
    expect(providers.forMethod(method('tigopesa'))).toBe(simulatedNetwork);
  });

  it('settles a started payment only with the adapter it was recorded with', () => {
    expect(providers.forPayment({ provider: 'mpesa', paymentMethod: method('mpesa') })).toBe(mpesa);
    expect(providers.forPayment({ provider: 'simulated', paymentMethod: method('airtel_money') })).toBe(simulatedNetwork);
    expect(providers.forPayment({ provider: 'simulated', paymentMethod: 'pm_card_visa' })).toBe(card);
    // Started on the simulated network before M-Pesa was configured: left alone, never pushed again through Daraja.
    expect(providers.forPayment({ provider: 'simulated', paymentMethod: method('mpesa') })).toBeUndefined();
    expect(providers.forPayment({ provider: 'stripe', paymentMethod: 'pm_card_visa' })).toBeUndefined();
  });
});
