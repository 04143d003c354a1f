import { averageOrderValue, salesSeries } from './sales-series';

const hour = (h: number) => new Date(`2026-03-10T${String(h).padStart(2, '0')}:00:00.000Z`);

describe('sales series', () => {
  it('fills every bucket of every currency, by bucket then currency, with zeros where nothing happened', () => {
    const series = salesSeries([hour(10), hour(11)], ['USD', 'EUR'], [{ start: hour(11), currency: 'USD', placedOrders: 3, confirmedOrders: 2, gmv: 1001 }]);
    expect(series).toEqual([
      { start: '2026-03-10T10:00:00.000Z', currency: 'EUR', placedOrders: 0, confirmedOrders: 0, gmv: { amount: 0, currency: 'EUR' }, averageOrderValue: { amount: 0, currency: 'EUR' } },
      { start: '2026-03-10T10:00:00.000Z', currency: 'USD', placedOrders: 0, confirmedOrders: 0, gmv: { amount: 0, currency: 'USD' }, averageOrderValue: { amount: 0, currency: 'USD' } },
      { start: '2026-03-10T11:00:00.000Z', currency: 'EUR', placedOrders: 0, confirmedOrders: 0, gmv: { amount: 0, currency: 'EUR' }, averageOrderValue: { amount: 0, currency: 'EUR' } },
      { start: '2026-03-10T11:00:00.000Z', currency: 'USD', placedOrders: 3, confirmedOrders: 2, gmv: { amount: 1001, currency: 'USD' }, averageOrderValue: { amount: 501, currency: 'USD' } },
    ]);
  });

  it('has no items when no currency is present', () => {
    expect(salesSeries([hour(10)], [], [])).toEqual([]);
  });

  it('rounds the average order value half up, and is 0 without confirmed orders', () => {
    expect([averageOrderValue(10, 4), averageOrderValue(10, 3), averageOrderValue(0, 0), averageOrderValue(500, 0)]).toEqual([3, 3, 0, 0]);
  });
});
