import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { Body, Controller, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { StatementReconciliationService } from '../application/statement-reconciliation.service';
import type { ReconciliationReport } from '../domain/reconciliation-report';
import { CsvBodyGuard } from './csv-body.guard';
import { StatementQueryDto } from './statement-query.dto';

/** Admins compare a provider's statement with our payments. */
@Roles('admin')
@Controller('admin/reconciliation')
export class StatementsController {
  constructor(private readonly reconciliation: StatementReconciliationService) {}

  /** 200 with the report: a question about the file, nothing is created. */
  @Post('statements')
  @HttpCode(200)
  @UseGuards(CsvBodyGuard)
  // The document would otherwise describe the body as JSON.
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', description: 'The statement: the M-Pesa or Paynow export, or reference,amount,currency,status,completed_at' } })
  report(@CurrentUser() admin: AuthenticatedUser, @Query() query: StatementQueryDto, @Body() csv: string): Promise<ReconciliationReport> {
    const { provider, from, to } = query;
    return this.reconciliation.report({ provider, csv, period: { from, to }, adminId: admin.id });
  }
}
