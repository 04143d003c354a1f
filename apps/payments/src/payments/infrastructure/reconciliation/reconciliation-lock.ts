import { KNEX, PLATFORM_CONFIG, type DataServiceConfig, schemaFor } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { SessionLease } from '../../../infrastructure/session-lease';

/** Lets one instance of the service reconcile at a time (a pass waits on providers, hence a session lease). */
@Injectable()
export class ReconciliationLock extends SessionLease {
  constructor(@Inject(KNEX) db: Knex, @Inject(PLATFORM_CONFIG) config: DataServiceConfig) {
    super(db, `payments-reconciliation:${schemaFor(config.SERVICE_NAME)}`);
  }
}
