import type { Knex } from 'knex';

const TABLE = 'paynow_poll_urls';

/** The poll URL of each PayNow transaction, kept from its initiation for the status queries. */
export class PaynowPollUrls {
  constructor(private readonly db: Knex) {}

  async remember(paynowReference: string, paymentId: string, pollUrl: string): Promise<void> {
    await this.db(TABLE).insert({ paynow_reference: paynowReference, payment_id: paymentId, poll_url: pollUrl }).onConflict('paynow_reference').ignore();
  }

  async find(paynowReference: string): Promise<string | undefined> {
    return (await this.db(TABLE).where({ paynow_reference: paynowReference }).first<{ poll_url: string } | undefined>('poll_url'))?.poll_url;
  }
}
