import type { Knex } from 'knex';
import type { SellerApplication, SellerApplicationStatus, SellerContact } from '../domain/seller-application';

interface ApplicationRow {
  id: string;
  user_id: string;
  business_name: string;
  contact: SellerContact;
  country: string;
  status: SellerApplicationStatus;
  reason: string | null;
  decided_by: string | null;
  submitted_at: Date;
  decided_at: Date | null;
}

/** The table's check constraints guarantee a decided row has its decider, time and (rejected) reason. */
function toApplication(row: ApplicationRow): SellerApplication {
  const base = { id: row.id, userId: row.user_id, businessName: row.business_name, contact: row.contact, country: row.country, submittedAt: row.submitted_at };
  if (row.status === 'submitted') return { ...base, status: 'submitted' };
  const decision = { decidedBy: row.decided_by as string, decidedAt: row.decided_at as Date };
  return row.status === 'approved' ? { ...base, status: 'approved', ...decision } : { ...base, status: 'rejected', ...decision, reason: row.reason as string };
}

function toRow(application: SellerApplication): ApplicationRow {
  return {
    id: application.id,
    user_id: application.userId,
    business_name: application.businessName,
    contact: application.contact,
    country: application.country,
    status: application.status,
    reason: application.status === 'rejected' ? application.reason : null,
    decided_by: application.status === 'submitted' ? null : application.decidedBy,
    submitted_at: application.submittedAt,
    decided_at: application.status === 'submitted' ? null : application.decidedAt,
  };
}

/** Who applied, as the deciding admin needs to see it. */
export interface Applicant {
  email: string;
  name: string;
  emailVerified: boolean;
}

export interface ApplicationPage {
  items: { application: SellerApplication; applicant: Applicant }[];
  total: number;
}

export class SellerApplicationsRepository {
  /** False when the user already has an open application (the partial unique index decides; the transaction is then spoilt). */
  async insert(db: Knex, application: SellerApplication): Promise<boolean> {
    const row = { ...toRow(application), contact: JSON.stringify(application.contact) };
    try {
      await db('seller_applications').insert(row);
      return true;
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'seller_applications_one_open') return false;
      throw error;
    }
  }

  async update(db: Knex, application: SellerApplication): Promise<void> {
    const row = { ...toRow(application), contact: JSON.stringify(application.contact) };
    await db('seller_applications').where({ id: application.id }).update(row);
  }

  async byIdForUpdate(db: Knex, id: string): Promise<SellerApplication | undefined> {
    const row = await db('seller_applications').where({ id }).forUpdate().first<ApplicationRow | undefined>();
    return row && toApplication(row);
  }

  async list(db: Knex, filter: { status?: SellerApplicationStatus; limit: number; offset: number }): Promise<ApplicationPage> {
    const scoped = () => (filter.status ? db('seller_applications').where({ 'seller_applications.status': filter.status }) : db('seller_applications'));
    type Row = ApplicationRow & { applicant_email: string; applicant_name: string; applicant_verified_at: Date | null };
    const [rows, [{ count }]] = await Promise.all([
      scoped()
        .join('users', 'users.id', 'seller_applications.user_id')
        .orderBy([{ column: 'seller_applications.submitted_at' }, { column: 'seller_applications.id' }])
        .limit(filter.limit)
        .offset(filter.offset)
        .select<Row[]>('seller_applications.*', { applicant_email: 'users.email', applicant_name: 'users.name', applicant_verified_at: 'users.email_verified_at' }),
      scoped().count<{ count: string }[]>({ count: '*' }),
    ]);
    return {
      items: rows.map((row) => ({
        application: toApplication(row),
        applicant: { email: row.applicant_email, name: row.applicant_name, emailVerified: row.applicant_verified_at !== null },
      })),
      total: Number(count),
    };
  }
}
