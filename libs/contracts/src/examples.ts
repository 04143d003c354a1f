import type { EventDataInput, EventType, MarketplaceEventOf } from './registry';
import { createCloudEvent, eventTypes } from './registry';

const id = {
  user: '80391a09-db57-46e3-bbf0-015413bca176',
  admin: '53b39d3c-cd6d-4952-b569-53d82e4dfd3e',
  seller: '3dffaac0-9dfa-4d2d-bffc-ffa29f21d50b',
  application: '4a78dd61-01a1-43ba-b49b-07abaddd4dd8',
  verification: '49bfada9-a410-4cdc-a75b-179bd796bd6e',
  reset: '520cdc9f-424f-4794-aa2c-b7e97c5687bb',
  category: '8ca0deb4-e4c6-46a5-a22e-4952d2d64b6f',
  parentCategory: 'e87d6039-5018-4508-9e75-4b5c75c1979b',
  product: 'a2326fe4-804c-425d-bc5e-53312057a03c',
  otherProduct: 'fd107453-0095-46f3-a99b-55c1eecaea12',
  review: '36dd6f8a-474a-4b39-9433-2160caccff3e',
  order: '52ce88af-8a32-4984-81e1-3d6e0de553ac',
  payment: 'a07e9583-5ba1-42de-8d69-c1bdd28ebd03',
  refund: 'fd7c8a80-7f8d-4851-9f4a-7e15522489c7',
  notification: '1571c4b4-4ca2-4567-939f-d246bd302004',
  event: '68c2a50d-aa3f-4bdf-bd2d-5c4d36840ceb',
} as const;

const at = '2026-03-01T12:00:00.000Z';
const later = '2026-03-02T12:00:00.000Z';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * One valid `data` per event type, in one place: the unit tests start from them and the AsyncAPI
 * document shows them as message examples. The mapped type makes a missing example a compile error.
 */
export const eventExamples: { readonly [T in EventType]: EventDataInput<T> } = {
  'marketplace.identity.UserRegistered.v1': { userId: id.user, email: 'ada@example.com', displayName: 'Ada', registeredAt: at },
  'marketplace.identity.EmailVerificationRequested.v1': {
    userId: id.user,
    verificationId: id.verification,
    email: 'ada@example.com',
    requestedAt: at,
    expiresAt: later,
  },
  'marketplace.identity.EmailVerified.v1': { userId: id.user, email: 'ada@example.com', verifiedAt: at },
  'marketplace.identity.PasswordResetRequested.v1': {
    userId: id.user,
    resetRequestId: id.reset,
    email: 'ada@example.com',
    requestedAt: at,
    expiresAt: later,
  },
  'marketplace.identity.RoleGranted.v1': { userId: id.seller, role: 'seller', grantedBy: id.admin, grantedAt: at },
  'marketplace.identity.SellerApplicationSubmitted.v1': {
    applicationId: id.application,
    userId: id.seller,
    storeName: 'Lovelace Looms',
    submittedAt: at,
  },
  'marketplace.identity.SellerApproved.v1': {
    applicationId: id.application,
    userId: id.seller,
    storeName: 'Lovelace Looms',
    approvedBy: id.admin,
    approvedAt: at,
  },
  'marketplace.identity.SellerRejected.v1': {
    applicationId: id.application,
    userId: id.seller,
    reason: 'The store name is already taken.',
    rejectedBy: id.admin,
    rejectedAt: at,
  },
  'marketplace.identity.UserDeactivated.v1': { userId: id.user, deactivatedBy: id.admin, reason: 'Fraud report', deactivatedAt: at },
  'marketplace.catalog.CategoryCreated.v1': {
    categoryId: id.category,
    parentId: id.parentCategory,
    name: 'Wool scarves',
    slug: 'wool-scarves',
    createdAt: at,
  },
  'marketplace.catalog.CategoryMoved.v1': { categoryId: id.category, fromParentId: id.parentCategory, toParentId: null, movedAt: at },
  'marketplace.catalog.CategoryRenamed.v1': { categoryId: id.category, name: 'Scarves', slug: 'scarves', renamedAt: at },
  'marketplace.catalog.ProductCreated.v1': {
    productId: id.product,
    sellerId: id.seller,
    categoryId: id.category,
    title: 'Merino scarf',
    description: 'Hand-woven, 180 x 30 cm.',
    price: eur(4900),
    createdAt: at,
  },
  'marketplace.catalog.ProductUpdated.v1': {
    productId: id.product,
    sellerId: id.seller,
    categoryId: id.category,
    title: 'Merino scarf, charcoal',
    description: 'Hand-woven, 180 x 30 cm.',
    updatedAt: at,
  },
  'marketplace.catalog.ProductPriceChanged.v1': {
    productId: id.product,
    sellerId: id.seller,
    previousPrice: eur(4900),
    price: eur(4500),
    changedAt: at,
  },
  'marketplace.catalog.ProductPublished.v1': { productId: id.product, sellerId: id.seller, publishedAt: at },
  'marketplace.catalog.ProductArchived.v1': { productId: id.product, sellerId: id.seller, archivedAt: at },
  'marketplace.catalog.ReviewPosted.v1': {
    reviewId: id.review,
    productId: id.product,
    authorId: id.user,
    rating: 5,
    body: 'Warm and soft.',
    postedAt: at,
  },
  'marketplace.catalog.StockAdjusted.v1': { productId: id.product, sellerId: id.seller, onHand: 12, available: 10, adjustedAt: at },
  'marketplace.catalog.StockReserved.v1': {
    orderId: id.order,
    lines: [
      { productId: id.product, quantity: 2, available: 8 },
      { productId: id.otherProduct, quantity: 1, available: 0 },
    ],
    reservedAt: at,
  },
  'marketplace.catalog.StockReservationFailed.v1': {
    orderId: id.order,
    shortages: [{ productId: id.otherProduct, requested: 3, available: 1 }],
    failedAt: at,
  },
  'marketplace.catalog.StockReleased.v1': {
    orderId: id.order,
    lines: [
      { productId: id.product, quantity: 2, available: 10 },
      { productId: id.otherProduct, quantity: 1, available: 1 },
    ],
    releasedAt: at,
  },
  'marketplace.catalog.StockCommitted.v1': {
    orderId: id.order,
    lines: [
      { productId: id.product, quantity: 2 },
      { productId: id.otherProduct, quantity: 1 },
    ],
    committedAt: at,
  },
  'marketplace.orders.OrderPlaced.v1': {
    orderId: id.order,
    buyerId: id.user,
    lines: [
      {
        productId: id.product,
        sellerId: id.seller,
        title: 'Merino scarf',
        quantity: 2,
        unitPrice: eur(4500),
        lineTotal: eur(9000),
      },
      {
        productId: id.otherProduct,
        sellerId: id.seller,
        title: 'Alpaca mittens',
        quantity: 1,
        unitPrice: eur(2950),
        lineTotal: eur(2950),
      },
    ],
    total: eur(11950),
    shippingAddress: {
      recipientName: 'Ada Lovelace',
      line1: '12 St James Square',
      city: 'London',
      postalCode: 'SW1Y 4JH',
      country: 'GB',
    },
    paymentMethod: 'pm_card_visa',
    placedAt: at,
  },
  'marketplace.orders.OrderPaymentRequested.v1': {
    orderId: id.order,
    paymentId: id.payment,
    buyerId: id.user,
    amount: eur(11950),
    paymentMethod: 'pm_card_visa',
    requestedAt: at,
  },
  'marketplace.orders.OrderConfirmed.v1': { orderId: id.order, buyerId: id.user, paymentId: id.payment, confirmedAt: at },
  'marketplace.orders.OrderCancelled.v1': {
    orderId: id.order,
    buyerId: id.user,
    reason: 'payment_failed',
    detail: 'card_declined',
    cancelledAt: at,
  },
  'marketplace.orders.OrderLineShipped.v1': {
    orderId: id.order,
    sellerId: id.seller,
    productId: id.product,
    quantity: 2,
    carrier: 'Royal Mail',
    trackingNumber: 'RM123456785GB',
    shippedAt: at,
  },
  'marketplace.orders.OrderDelivered.v1': { orderId: id.order, buyerId: id.user, deliveredAt: at },
  'marketplace.orders.OrderRefunded.v1': {
    orderId: id.order,
    buyerId: id.user,
    paymentId: id.payment,
    refundId: id.refund,
    amount: eur(2950),
    refundedAt: at,
  },
  'marketplace.payments.PaymentInitiated.v1': {
    paymentId: id.payment,
    orderId: id.order,
    amount: eur(11950),
    provider: 'stripe',
    paymentMethod: 'pm_card_visa',
    initiatedAt: at,
  },
  'marketplace.payments.PaymentRequiresAction.v1': {
    paymentId: id.payment,
    orderId: id.order,
    provider: 'stripe',
    providerPaymentId: 'pi_3PqExample',
    nextActionType: 'use_stripe_sdk',
    requestedAt: at,
  },
  'marketplace.payments.PaymentCaptured.v1': {
    paymentId: id.payment,
    orderId: id.order,
    amount: eur(11950),
    provider: 'stripe',
    providerPaymentId: 'pi_3PqExample',
    capturedAt: at,
  },
  'marketplace.payments.PaymentFailed.v1': {
    paymentId: id.payment,
    orderId: id.order,
    amount: eur(11950),
    provider: 'simulated',
    failureCode: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
    failedAt: at,
  },
  'marketplace.payments.RefundIssued.v1': {
    refundId: id.refund,
    paymentId: id.payment,
    orderId: id.order,
    amount: eur(2950),
    provider: 'stripe',
    providerRefundId: 're_3PqExample',
    issuedBy: id.admin,
    reason: 'Mittens arrived damaged',
    issuedAt: at,
  },
  'marketplace.notifications.NotificationDelivered.v1': {
    notificationId: id.notification,
    recipientId: id.user,
    channel: 'email',
    template: 'order-confirmed',
    sourceEventId: id.event,
    deliveredAt: at,
  },
  'marketplace.notifications.NotificationFailed.v1': {
    notificationId: id.notification,
    recipientId: id.user,
    channel: 'email',
    template: 'order-confirmed',
    sourceEventId: id.event,
    attempts: 5,
    error: 'SMTP 550: mailbox unavailable',
    failedAt: at,
  },
};

/** A complete example CloudEvent of the given type, built from its example data. */
export function exampleCloudEvent<T extends EventType>(type: T): MarketplaceEventOf<T> {
  const { context, aggregateId } = eventTypes[type];
  const data = eventExamples[type];
  return createCloudEvent({
    id: id.event,
    time: at,
    source: `/marketplace/${context}`,
    type,
    subject: String((data as Record<string, unknown>)[aggregateId]),
    data,
    correlationid: id.order,
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  });
}
