import { escapeHtml, html } from './html';
import { formatMoney } from './intl-format';
import { orderConfirmedTemplate, orderCancelledTemplate } from './order-templates';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const order = {
  orderId: '0b4c6a52-8f3e-4a5e-9d43-0c1a2b3c4d5e',
  lines: [{ title: 'Tea <b>kettle</b>', quantity: 2, unitPrice: eur(4500), lineTotal: eur(9000) }],
  subtotal: eur(9000),
  shipping: eur(499),
  tax: eur(1805),
  total: eur(11304),
};

describe('templates', () => {
  it('escapes every interpolation unless it is already safe HTML', () => {
    expect(html`<p>${'<script>"x" & \'y\'</script>'}</p>${html`<b>ok</b>`}`.value).toBe('<p>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</p><b>ok</b>');
    expect(escapeHtml('a<b')).toBe('a&lt;b');
  });

  it.each([
    [eur(1999), 'en', '€19.99'],
    [eur(1999), 'de', '19,99 €'],
    [{ amount: 1500, currency: 'JPY' }, 'ja', '￥1,500'],
    [{ amount: 12345, currency: 'BHD' }, 'en', 'BHD 12.345'],
  ])('writes %o in %s as %s (minor units follow the currency)', (money, locale, expected) => {
    expect(formatMoney(money, locale).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('renders an order confirmation in every channel with the lines, totals and the reader\'s locale', () => {
    const context = { reader: { name: 'Jörg <admin>', locale: 'de' }, webUrl: 'https://shop.example' };
    const email = orderConfirmedTemplate.email({ order }, context);
    expect(email.subject).toBe('Your order 0b4c6a52 is confirmed');
    expect(email.text).toContain('Hello Jörg <admin>,');
    expect(email.text.replace(/\u00a0/g, ' ')).toContain('Total: 113,04 €');
    expect(email.html.value).toContain('Hello Jörg &lt;admin&gt;,');
    expect(email.html.value).toContain('2 × Tea &lt;b&gt;kettle&lt;/b&gt;');
    expect(email.html.value).toContain('href="https://shop.example/orders/0b4c6a52-8f3e-4a5e-9d43-0c1a2b3c4d5e"');
    expect(orderConfirmedTemplate.inApp({ order }, context)).toMatchObject({ title: 'Your order 0b4c6a52 is confirmed', link: 'https://shop.example/orders/0b4c6a52-8f3e-4a5e-9d43-0c1a2b3c4d5e' });
    expect(orderConfirmedTemplate.sms({ order }, context).length).toBeLessThanOrEqual(320);
  });

  it('says why an order was cancelled', () => {
    const context = { reader: { name: 'Ann', locale: 'en' }, webUrl: 'https://shop.example' };
    expect(orderCancelledTemplate.email({ orderId: order.orderId, reason: 'out_of_stock' }, context).text).toContain('because some items were no longer in stock');
  });
});
