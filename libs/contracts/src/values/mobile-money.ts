import { z } from 'zod';

/** The mobile money networks buyers can pay with. */
export const mobileMoneyProvider = z.enum(['mpesa', 'tigopesa', 'airtel_money', 'paynow']);

export type MobileMoneyProvider = z.infer<typeof mobileMoneyProvider>;

export interface MobileMoneyRule {
  country: string;
  /** E.164 country calling code, without `+`. */
  dialCode: string;
  /**
   * Currencies the network charges in, each with the smallest chargeable step in ISO 4217 minor units:
   * M-Pesa, TigoPesa and Airtel Money take whole shillings, so 100 minor units; PayNow takes cents.
   */
  currencies: Readonly<Record<string, number>>;
}

/** Where each network operates and what it can charge. */
export const MOBILE_MONEY_RULES: Readonly<Record<MobileMoneyProvider, MobileMoneyRule>> = {
  mpesa: { country: 'KE', dialCode: '254', currencies: { KES: 100 } },
  tigopesa: { country: 'TZ', dialCode: '255', currencies: { TZS: 100 } },
  airtel_money: { country: 'TZ', dialCode: '255', currencies: { TZS: 100 } },
  paynow: { country: 'ZW', dialCode: '263', currencies: { USD: 1, ZWG: 1 } },
};

/** Why a network cannot charge an amount, or undefined when it can. */
export function mobileMoneyAmountProblem(provider: MobileMoneyProvider, amount: { amount: number; currency: string }): string | undefined {
  const step = MOBILE_MONEY_RULES[provider].currencies[amount.currency];
  if (step === undefined) return `${provider} does not charge in ${amount.currency}`;
  if (amount.amount % step !== 0) return `${provider} charges whole units of ${amount.currency} only`;
  return undefined;
}

/** A phone number in E.164 form: `+`, country code and subscriber number, 8 to 15 digits in all. */
export const e164Phone = z.string().regex(/^\+[1-9]\d{7,14}$/, 'phone must be an E.164 number such as +254712345678');

/** Pay by a push to the buyer's phone on a mobile money network; the number must belong to the network's country. */
export const mobileMoneyPaymentMethod = z
  .strictObject({ type: z.literal('mobile_money'), provider: mobileMoneyProvider, phone: e164Phone })
  .superRefine(
    (method, ctx) => {
      const { dialCode, country } = MOBILE_MONEY_RULES[method.provider];
      if (!method.phone.startsWith(`+${dialCode}`)) {
        ctx.addIssue({ code: 'custom', path: ['phone'], message: `${method.provider} takes numbers of ${country} (+${dialCode})` });
      }
    },
    // The country is checked once the number is well formed, so each mistake is reported once.
    { when: (payload) => payload.issues.length === 0 },
  );

export type MobileMoneyPaymentMethod = z.infer<typeof mobileMoneyPaymentMethod>;
