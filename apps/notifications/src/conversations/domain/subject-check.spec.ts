import { SellerNotInSubjectError, UnknownSubjectError } from './request-errors';
import { type SubjectFacts, subjectFor } from './subject-check';

const product: SubjectFacts = { type: 'product', productId: 'p1', sellerId: 'seller', title: 'Merino scarf' };
const order: SubjectFacts = { type: 'order', orderId: '0a1b2c3d-0000-4000-8000-000000000000', buyerId: 'buyer', sellerIds: ['seller', 'other-seller'] };
const aboutProduct = (sellerId: string) => ({ buyerId: 'buyer', sellerId, subject: { type: 'product' as const, productId: 'p1' } });
const aboutOrder = (buyerId: string, sellerId: string) => ({ buyerId, sellerId, subject: { type: 'order' as const, orderId: '0a1b2c3d-0000-4000-8000-000000000000' } });

describe('what a buyer may open a conversation about', () => {
  it('given a product of the seller, when opened, then the subject takes the product title', () => {
    expect(subjectFor(aboutProduct('seller'), product)).toEqual({ type: 'product', id: 'p1', title: 'Merino scarf' });
  });

  it('given a product of another seller, when opened with this seller, then the seller is refused', () => {
    expect(() => subjectFor(aboutProduct('someone-else'), product)).toThrow(SellerNotInSubjectError);
  });

  it('given a product not known (yet), when opened, then the subject is unknown, naming the field', () => {
    expect(() => subjectFor(aboutProduct('seller'), undefined)).toThrow(new UnknownSubjectError('subject.productId'));
    expect(() => subjectFor(aboutProduct('seller'), order)).toThrow(UnknownSubjectError);
  });

  it('given the buyer\'s order, when opened with any of its sellers, then the subject is the order', () => {
    expect(subjectFor(aboutOrder('buyer', 'other-seller'), order)).toEqual({ type: 'order', id: order.orderId, title: 'Order 0a1b2c3d' });
  });

  it('given another buyer\'s order, when opened, then it looks exactly like an unknown order', () => {
    const refusal = (facts: SubjectFacts | undefined) => {
      try {
        subjectFor(aboutOrder('stranger', 'seller'), facts);
      } catch (error) {
        const { code, message, details } = error as UnknownSubjectError;
        return { code, message, details };
      }
    };
    expect(refusal(order)).toEqual({ code: 'unknown_subject', message: expect.any(String), details: [{ field: 'subject.orderId', message: 'unknown' }] });
    expect(refusal(order)).toEqual(refusal(undefined));
  });

  it('given the buyer\'s order, when opened with a seller of none of its lines, then the seller is refused', () => {
    expect(() => subjectFor(aboutOrder('buyer', 'not-in-order'), order)).toThrow(SellerNotInSubjectError);
  });
});
