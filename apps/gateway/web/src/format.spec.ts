import { parseMoneyInput } from './format';

describe('an amount typed into the console', () => {
  it('becomes minor units of the currency', () => {
    expect(parseMoneyInput('12.5', 'EUR')).toBe(1250);
    expect(parseMoneyInput(' 12.50 ', 'EUR')).toBe(1250);
    expect(parseMoneyInput('1,234.05', 'USD')).toBe(123405);
    expect(parseMoneyInput('7', 'EUR')).toBe(700);
    expect(parseMoneyInput('1500', 'JPY')).toBe(1500);
    expect(parseMoneyInput('1.234', 'BHD')).toBe(1234);
  });

  it('is refused, saying how to write it, when it is not a positive amount with the currency\'s decimals', () => {
    for (const [text, currency] of [['12.505', 'EUR'], ['12.5', 'JPY'], ['-3', 'EUR'], ['abc', 'EUR'], ['', 'EUR'], ['1e3', 'EUR'], ['0', 'EUR'], ['0.00', 'EUR']]) {
      expect(parseMoneyInput(text, currency)).toBeInstanceOf(Error);
    }
    expect((parseMoneyInput('12.505', 'EUR') as Error).message).toBe('"12.505" is not an amount in EUR: write it like 12.50.');
    expect((parseMoneyInput('0', 'EUR') as Error).message).toBe('The amount must be more than 0 EUR.');
  });
});
