import { AuthModule } from '@marketplace/auth';
import { publishByContract } from '@marketplace/messaging';
import { EventSourcingModule, PlatformModule } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { AUDIT_STREAM, AuditLog } from './audit/audit-log';
import { AuditTopic } from './audit/audit-topic';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { replayLedgerProvider } from './dead-letters/replay-ledger.provider';
import { opsConnectionProviders } from './ops-connection';
import { ProjectionsController } from './projections/projections.controller';
import { RebuildRunner } from './projections/rebuild-runner';
import { ServiceProbe } from './services/service-probe';
import { ServicesController } from './services/services.controller';

/**
 * The ops server: the ops CLI's operations as admin-only routes under `admin/ops`, each action an
 * OpsActionRecorded event in its own schema's event store, which its relay publishes to ops.audit.v1.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ database: {}, bus: true }),
    AuthModule.forService(),
    EventSourcingModule.forRoot({ publish: { source: 'marketplace/ops', map: publishByContract('ops', [AUDIT_STREAM]), streamPrefixes: [AUDIT_STREAM] } }),
  ],
  controllers: [ServicesController, ProjectionsController, DeadLettersController, AuditController],
  providers: [...opsConnectionProviders, replayLedgerProvider, AuditLog, AuditTopic, RebuildRunner, ServiceProbe],
})
export class OpsServerModule {}
