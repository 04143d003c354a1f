import type { Subject, SubjectRequest } from './conversation';
import { SellerNotInSubjectError, UnknownSubjectError } from './request-errors';

/** What notifications knows of a subject, from catalog's and orders' events (its own projections). */
export type SubjectFacts =
  | { type: 'product'; productId: string; sellerId: string; title: string }
  | { type: 'order'; orderId: string; buyerId: string; sellerIds: string[] };

export interface OpeningRequest {
  buyerId: string;
  sellerId: string;
  subject: SubjectRequest;
}

/**
 * The subject a buyer may talk about with this seller: a product the seller sells, or one of the buyer's
 * own orders with a line of that seller. A subject not known (yet) and another buyer's order look alike.
 */
export function subjectFor(request: OpeningRequest, facts: SubjectFacts | undefined): Subject {
  const { subject } = request;
  switch (subject.type) {
    case 'product':
      if (facts?.type !== 'product' || facts.productId !== subject.productId) throw new UnknownSubjectError('subject.productId');
      if (facts.sellerId !== request.sellerId) throw new SellerNotInSubjectError();
      return { type: 'product', id: subject.productId, title: facts.title };
    case 'order':
      if (facts?.type !== 'order' || facts.orderId !== subject.orderId || facts.buyerId !== request.buyerId) throw new UnknownSubjectError('subject.orderId');
      if (!facts.sellerIds.includes(request.sellerId)) throw new SellerNotInSubjectError();
      return { type: 'order', id: subject.orderId, title: `Order ${subject.orderId.slice(0, 8)}` };
    default: {
      const unknown: never = subject;
      throw new Error(`unknown subject ${JSON.stringify(unknown)}`);
    }
  }
}
