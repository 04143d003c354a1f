import { maskContacts } from './contact-masking';

describe('masking contact details in messages', () => {
  it.each([
    ['mail me at ann.buyer+shop@example.co.uk please', 'mail me at [email hidden] please'],
    ['Write to JOSÉ@correo.es.', 'Write to [email hidden].'],
    ['call +49 30 1234567 or (030) 123-4567', 'call [phone hidden] or [phone hidden]'],
    ['my mobile: 0176 12345678\nthanks', 'my mobile: [phone hidden]\nthanks'],
    ['WhatsApp +254712345678', 'WhatsApp [phone hidden]'],
  ])('given %p, when masked, then contacts are hidden: %p', (body, masked) => {
    expect(maskContacts(body)).toBe(masked);
  });

  it.each([
    'Order 1a2b3c4d: 2 scarves at 45.00 EUR, delivered 2026-01-02 at 10:30',
    'ref 550e8400-e29b-41d4-a716-446655440000',
    'SKU AB-1234567 is back in stock, 150 pieces',
    'no contacts here, just @mentions and a.b.c',
  ])('given %p, when masked, then it is unchanged (dates, ids, prices, codes)', (body) => {
    expect(maskContacts(body)).toBe(body);
  });
});
