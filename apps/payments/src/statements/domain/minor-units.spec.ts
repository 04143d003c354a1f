import { toMinorUnits } from './minor-units';

describe('toMinorUnits', () => {
  it('converts the decimal digits exactly, where floats would not', () => {
    expect(toMinorUnits('0.29', 'USD')).toEqual({ amount: 29 });
    expect(toMinorUnits('1.005', 'TND')).toEqual({ amount: 1005 });
    expect(toMinorUnits('4.35', 'EUR')).toEqual({ amount: 435 }); // 4.35 * 100 = 434.99999999999994
    expect(toMinorUnits('1,234,567.10', 'KES')).toEqual({ amount: 123456710 });
    expect(toMinorUnits('1500', 'KES')).toEqual({ amount: 150000 });
    expect(toMinorUnits('1500.5', 'KES')).toEqual({ amount: 150050 });
    expect(toMinorUnits('90071992547409.91', 'USD')).toEqual({ amount: Number.MAX_SAFE_INTEGER });
  });

  it('takes trailing zeros beyond the minor unit, and a currency without decimals', () => {
    expect(toMinorUnits('10.500', 'USD')).toEqual({ amount: 1050 });
    expect(toMinorUnits('1200', 'JPY')).toEqual({ amount: 1200 });
    expect(toMinorUnits('1200.00', 'JPY')).toEqual({ amount: 1200 });
  });

  it.each([
    ['10.005', 'USD'],
    ['12.5', 'JPY'],
    ['-10.00', 'KES'],
    ['1e3', 'KES'],
    ['1,23.00', 'KES'],
    ['12,34', 'EUR'],
    ['.50', 'USD'],
    ['10.', 'USD'],
    ['', 'USD'],
    ['KES 100', 'KES'],
    ['90071992547409.92', 'USD'],
  ])('refuses %p in %s', (text, currency) => {
    expect(toMinorUnits(text, currency)).toEqual({ problem: expect.any(String) });
  });
});
