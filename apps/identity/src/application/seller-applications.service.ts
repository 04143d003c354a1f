import { CloudEventFactory } from '@marketplace/contracts';
import { Outbox } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { SellerApplicationNotFoundError, SellerApplicationOpenError, UserNotFoundError } from '../domain/errors';
import {
  approveApplication,
  rejectApplication,
  type SellerApplication,
  type SellerApplicationStatus,
  type SellerContact,
  submitApplication,
} from '../domain/seller-application';
import { grantRole } from '../domain/user';
import { type ApplicationPage, SellerApplicationsRepository } from '../infrastructure/seller-applications-repository';
import { UsersRepository } from '../infrastructure/users-repository';

export interface ApplicationForm {
  businessName: string;
  contact: SellerContact;
  country: string;
}

/**
 * Seller onboarding. Any signed-in buyer may apply, verified email or not: the admin who decides sees
 * whether it is verified, and approving is the gate (so a new user can apply at once).
 */
@Injectable()
export class SellerApplicationsService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly users: UsersRepository,
    private readonly applications: SellerApplicationsRepository,
    private readonly events: CloudEventFactory,
    private readonly outbox: Outbox,
  ) {}

  async submit(userId: string, form: ApplicationForm): Promise<SellerApplication> {
    return this.db.transaction(async (trx) => {
      const user = await this.users.byId(trx, userId, { forUpdate: true });
      if (!user) throw new UserNotFoundError();
      const application = submitApplication({ id: this.ids.next(), userId, roles: user.roles, ...form, now: this.clock.now() });
      if (!(await this.applications.insert(trx, application))) throw new SellerApplicationOpenError();
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.identity.SellerApplicationSubmitted.v1', userId, {
          applicationId: application.id,
          userId,
          storeName: application.businessName,
          submittedAt: application.submittedAt.toISOString(),
        }),
      ]);
      return application;
    });
  }

  list(filter: { status?: SellerApplicationStatus; limit: number; offset: number }): Promise<ApplicationPage> {
    return this.applications.list(this.db, filter);
  }

  /** Approves the application and makes its applicant a seller. */
  async approve(applicationId: string, adminId: string): Promise<SellerApplication> {
    return this.db.transaction(async (trx) => {
      const now = this.clock.now();
      const application = approveApplication(await this.load(trx, applicationId), { adminId, now });
      await this.applications.update(trx, application);
      const user = await this.users.byId(trx, application.userId, { forUpdate: true });
      if (!user) throw new UserNotFoundError();
      const { user: seller, granted } = grantRole(user, 'seller');
      if (granted) await this.users.update(trx, seller);
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.identity.SellerApproved.v1', user.id, {
          applicationId,
          userId: user.id,
          storeName: application.businessName,
          approvedBy: adminId,
          approvedAt: now.toISOString(),
        }),
        ...(granted ? [this.events.create('marketplace.identity.RoleGranted.v1', user.id, { userId: user.id, role: 'seller', grantedBy: adminId, grantedAt: now.toISOString() })] : []),
      ]);
      return application;
    });
  }

  async reject(applicationId: string, adminId: string, reason: string): Promise<SellerApplication> {
    return this.db.transaction(async (trx) => {
      const now = this.clock.now();
      const application = rejectApplication(await this.load(trx, applicationId), { adminId, reason, now });
      await this.applications.update(trx, application);
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.identity.SellerRejected.v1', application.userId, {
          applicationId,
          userId: application.userId,
          reason,
          rejectedBy: adminId,
          rejectedAt: now.toISOString(),
        }),
      ]);
      return application;
    });
  }

  private async load(trx: Knex.Transaction, id: string): Promise<SellerApplication> {
    const application = await this.applications.byIdForUpdate(trx, id);
    if (!application) throw new SellerApplicationNotFoundError();
    return application;
  }
}
