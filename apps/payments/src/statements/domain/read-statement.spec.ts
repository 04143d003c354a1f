import { readStatement } from './read-statement';

const MPESA_HEADER = '"Receipt No.","Completion Time","Initiation Time","Details","Transaction Status","Paid In","Withdrawn","Balance","Balance Confirmed","Reason Type","Other Party Info","Linked Transaction ID","A/C No."';
const mpesaRow = (receipt: string, time: string, status: string, paidIn: string, withdrawn = '') =>
  `${receipt},${time},${time},"Pay Bill from 2547****678 - J D Acc. ORDER",${status},"${paidIn}","${withdrawn}","10,000.00",true,"Pay Bill","2547****678 - J D",,ORDER`;

const rejection = (field: string, message = expect.any(String)) =>
  expect.objectContaining({ code: 'malformed_statement', details: expect.arrayContaining([{ field, message }]) });

describe('readStatement', () => {
  it('reads the M-Pesa org portal export after its title block: incoming rows in KES, times from EAT, withdrawals ignored', () => {
    const text = [
      'Organization Name:,ZetuTech',
      'Time Period:,From 01-03-2026 To 31-03-2026',
      MPESA_HEADER,
      mpesaRow('SC12AB34CD', '2026-03-01 14:05:09', 'Completed', '1,500.00'),
      mpesaRow('SC12AB34CE', '2026-03-01 15:00:00', 'Failed', '200.00'),
      mpesaRow('SC12AB34CF', '2026-03-02 09:00:00', 'Completed', '', '-33.00'),
    ].join('\r\n');
    expect(readStatement('mpesa', text, 10)).toEqual({
      provider: 'mpesa',
      ignoredRows: 1,
      reportsRefunds: false,
      lines: [
        { line: 4, reference: 'SC12AB34CD', amount: { amount: 150000, currency: 'KES' }, status: 'completed', completedAt: '2026-03-01T11:05:09.000Z' },
        { line: 5, reference: 'SC12AB34CE', amount: { amount: 20000, currency: 'KES' }, status: 'failed', completedAt: '2026-03-01T12:00:00.000Z' },
      ],
    });
  });

  it('reads the Paynow layout (times from CAT, USD without a Currency column) and the generic one for any provider', () => {
    const paynow = 'Date,Reference,Paynow Reference,Amount,Status\n2026-03-01 10:00:00,order-1,16830391,25.10,Paid\n2026-03-01 11:00,order-2,16830392,5,Refunded\n';
    expect(readStatement('paynow', paynow, 10).lines).toEqual([
      { line: 2, reference: '16830391', amount: { amount: 2510, currency: 'USD' }, status: 'completed', completedAt: '2026-03-01T08:00:00.000Z' },
      { line: 3, reference: '16830392', amount: { amount: 500, currency: 'USD' }, status: 'refunded', completedAt: '2026-03-01T09:00:00.000Z' },
    ]);
    const generic = 'reference,amount,currency,status,completed_at\npi_1,49.00,EUR,completed,2026-03-01T12:00:00+01:00\n';
    expect(readStatement('stripe', generic, 10)).toMatchObject({
      reportsRefunds: true,
      lines: [{ line: 2, reference: 'pi_1', amount: { amount: 4900, currency: 'EUR' }, status: 'completed', completedAt: '2026-03-01T11:00:00.000Z' }],
    });
  });

  it('names the line and the column of every malformed field', () => {
    const text = [
      'reference,amount,currency,status,completed_at',
      'pi_1,49.001,EUR,completed,2026-03-01T12:00:00Z',
      'pi_2,49.00,eur,settled,2026-03-01 12:00:00',
      ',1.00,EUR,completed,2026-02-30T12:00:00Z',
      'pi_4,1.00,EUR',
    ].join('\n');
    const thrown = expect.objectContaining({
      code: 'malformed_statement',
      details: [
        { field: 'line 2: amount', message: expect.stringContaining('more decimals') },
        { field: 'line 3: currency', message: expect.stringContaining('ISO 4217') },
        { field: 'line 3: status', message: expect.stringContaining('"settled" is not one of') },
        { field: 'line 3: completed_at', message: expect.stringContaining('is not a time') },
        { field: 'line 4: reference', message: 'is empty' },
        { field: 'line 4: completed_at', message: expect.stringContaining('is not a time') },
        { field: 'line 5: row', message: 'has 3 cells; the header has 5' },
      ],
    });
    expect(() => readStatement('stripe', text, 10)).toThrow(thrown);
  });

  it('refuses a reference given twice, a file without a known header, an unknown status and too many rows', () => {
    const twice = 'reference,amount,currency,status,completed_at\npi_1,1,EUR,completed,2026-03-01T12:00:00Z\npi_1,1,EUR,completed,2026-03-01T12:00:00Z\n';
    expect(() => readStatement('stripe', twice, 10)).toThrow(rejection('line 3: reference', '"pi_1" is already on line 2'));
    expect(() => readStatement('mpesa', 'id,value\n1,2\n', 10)).toThrow(rejection('header'));
    expect(() => readStatement('stripe', `${MPESA_HEADER}\n`, 10)).toThrow(rejection('header'));
    expect(() => readStatement('mpesa', `${MPESA_HEADER}\n${mpesaRow('SC1', '2026-03-01 14:05:09', 'Reversed', '1.00')}\n`, 10)).toThrow(rejection('line 2: Transaction Status'));
    expect(() => readStatement('mpesa', `${MPESA_HEADER}\n${mpesaRow('SC1', '2026-03-01 14:05:09', 'Completed', '', '')}\n`, 10)).toThrow(rejection('line 2: Paid In'));
    const rows = Array.from({ length: 3 }, (_, i) => `pi_${i},1,EUR,completed,2026-03-01T12:00:00Z`);
    expect(() => readStatement('stripe', ['reference,amount,currency,status,completed_at', ...rows].join('\n'), 2)).toThrow(
      expect.objectContaining({ code: 'statement_too_large' }),
    );
  });
});
