import { Roles } from '@marketplace/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { AuditQueryDto } from '../ops-server.dto';
import { AuditLog, decodeAuditCursor, encodeAuditCursor } from './audit-log';

/** `GET admin/ops/audit`: the admins' ops actions, newest first. */
@Roles('admin')
@Controller('admin/ops/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  async list(@Query() query: AuditQueryDto) {
    const page = await this.audit.page(query.limit, query.cursor === undefined ? undefined : decodeAuditCursor(query.cursor));
    return {
      items: page.items.map((e) => ({ id: e.actionId, action: e.action, outcome: e.outcome, adminId: e.adminId, at: e.recordedAt, target: e.target, details: e.details })),
      nextCursor: page.before === undefined ? null : encodeAuditCursor(page.before),
    };
  }
}
