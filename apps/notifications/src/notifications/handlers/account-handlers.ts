import * as t from '../templates/account-templates';
import { notificationHandler } from './notification-handler';

/** Identity's events: links to the address being verified or reset, application outcomes, admins' queue. */
export const accountHandlers = [
  notificationHandler({
    event: 'marketplace.identity.EmailVerificationRequested.v1',
    template: t.emailVerificationTemplate,
    category: 'security',
    channels: ['email'],
    audience: (data, { openLink }) => [
      { to: 'user', userId: data.userId, email: data.email, data: { link: openLink(data.sealedLink, data.keyId), expiresAt: data.expiresAt } },
    ],
  }),
  notificationHandler({
    event: 'marketplace.identity.PasswordResetRequested.v1',
    template: t.passwordResetTemplate,
    category: 'security',
    channels: ['email'],
    audience: (data, { openLink }) => [
      { to: 'user', userId: data.userId, email: data.email, data: { link: openLink(data.sealedLink, data.keyId), expiresAt: data.expiresAt } },
    ],
  }),
  notificationHandler({
    event: 'marketplace.identity.SellerApproved.v1',
    template: t.sellerApprovedTemplate,
    category: 'transactional',
    channels: ['email', 'in_app'],
    audience: (data) => [{ to: 'user', userId: data.userId, data: { storeName: data.storeName } }],
  }),
  notificationHandler({
    event: 'marketplace.identity.SellerRejected.v1',
    template: t.sellerRejectedTemplate,
    category: 'transactional',
    channels: ['email', 'in_app'],
    audience: (data) => [{ to: 'user', userId: data.userId, data: { reason: data.reason } }],
  }),
  notificationHandler({
    event: 'marketplace.identity.SellerApplicationSubmitted.v1',
    template: t.sellerApplicationTemplate,
    category: 'transactional',
    channels: ['email', 'in_app'],
    audience: (data) => [{ to: 'admins', data: { storeName: data.storeName, applicationId: data.applicationId } }],
  }),
];
