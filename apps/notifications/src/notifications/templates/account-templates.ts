import { messageTemplate } from './message-template';
import { formatDate } from './intl-format';

export const emailVerificationTemplate = messageTemplate<{ link: string; expiresAt: string }>('email-verification', ({ link, expiresAt }, { reader }) => ({
  title: 'Confirm your email address',
  paragraphs: [`Please confirm your email address. The link works once, until ${formatDate(expiresAt, reader.locale)} (UTC).`],
  link: { label: 'Confirm my email address', url: link },
}));

export const passwordResetTemplate = messageTemplate<{ link: string; expiresAt: string }>('password-reset', ({ link, expiresAt }, { reader }) => ({
  title: 'Reset your password',
  paragraphs: [
    `Someone asked to reset your password. The link works once, until ${formatDate(expiresAt, reader.locale)} (UTC).`,
    'If it was not you, ignore this message: your password stays as it is.',
  ],
  link: { label: 'Choose a new password', url: link },
}));

export const sellerApprovedTemplate = messageTemplate<{ storeName: string }>('seller-approved', ({ storeName }, { webUrl }) => ({
  title: `${storeName} can now sell`,
  paragraphs: [`Your application for ${storeName} was approved: you can list products and keep their stock.`],
  link: { label: 'List your first product', url: `${webUrl}/seller/products` },
}));

export const sellerRejectedTemplate = messageTemplate<{ reason: string }>('seller-rejected', ({ reason }) => ({
  title: 'Your seller application was not approved',
  paragraphs: [`We could not approve your application: ${reason}`],
}));

export const sellerApplicationTemplate = messageTemplate<{ storeName: string; applicationId: string }>(
  'seller-application',
  ({ storeName, applicationId }, { webUrl }) => ({
    title: `New seller application: ${storeName}`,
    paragraphs: [`A user applied to sell on the marketplace as ${storeName}. The application waits for your decision.`],
    link: { label: 'Review the application', url: `${webUrl}/admin/seller-applications/${applicationId}` },
  }),
);
