import { AlreadySellerError, SellerApplicationAlreadyDecidedError } from './errors';
import { approveApplication, rejectApplication, type SellerApplication, submitApplication } from './seller-application';

const now = new Date('2026-03-01T12:00:00.000Z');
const decidedAt = new Date('2026-03-02T12:00:00.000Z');
const form = { id: 'a1', userId: 'u1', businessName: 'Lovelace Looms', contact: { email: 'shop@example.com' }, country: 'gb', now };

describe('seller application', () => {
  describe('given a buyer', () => {
    it('when they apply, then the application is submitted with the country upper-cased', () => {
      expect(submitApplication({ ...form, roles: ['buyer'] })).toEqual({
        id: 'a1', userId: 'u1', businessName: 'Lovelace Looms', contact: { email: 'shop@example.com' }, country: 'GB', submittedAt: now, status: 'submitted',
      });
    });
  });

  it('given a seller, when they apply, then it is refused', () => {
    expect(() => submitApplication({ ...form, roles: ['buyer', 'seller'] })).toThrow(AlreadySellerError);
  });

  describe('given a submitted application', () => {
    const submitted = submitApplication({ ...form, roles: ['buyer'] });

    it('when an admin approves it, then it is approved by them', () => {
      expect(approveApplication(submitted, { adminId: 'admin', now: decidedAt })).toMatchObject({ status: 'approved', decidedBy: 'admin', decidedAt });
    });

    it('when an admin rejects it, then it is rejected with the reason', () => {
      expect(rejectApplication(submitted, { adminId: 'admin', reason: 'Duplicate', now: decidedAt })).toMatchObject({
        status: 'rejected', decidedBy: 'admin', reason: 'Duplicate',
      });
    });
  });

  describe.each<[string, (a: SellerApplication) => SellerApplication]>([
    ['approved', (a) => approveApplication(a, { adminId: 'admin', now: decidedAt })],
    ['rejected', (a) => rejectApplication(a, { adminId: 'admin', reason: 'No', now: decidedAt })],
  ])('given an application already %s', (status, decide) => {
    const decided = decide(submitApplication({ ...form, roles: ['buyer'] }));

    it('when it is approved or rejected again, then the decision stands (409)', () => {
      expect(() => approveApplication(decided, { adminId: 'other', now })).toThrow(new SellerApplicationAlreadyDecidedError(status));
      expect(() => rejectApplication(decided, { adminId: 'other', reason: 'x', now })).toThrow(SellerApplicationAlreadyDecidedError);
    });
  });
});
