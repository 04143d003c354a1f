import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import type { MessageBus } from '@marketplace/messaging';
import { MESSAGE_BUS } from '@marketplace/platform';
import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { OpsError } from '../../ops-command';
import { dlqTopicsOf, letterId, type ListedLetter, readLetters } from '../../dlq/dead-letters';
import type { ReplayLedger } from '../../dlq/replay-ledger';
import { replayLetters } from '../../dlq/replay-letters';
import { AuditLog } from '../audit/audit-log';
import { asHttp } from '../ops-http-error';
import { DeadLettersQueryDto, ReplayParamsDto } from '../ops-server.dto';
import { REPLAY_LEDGER } from './replay-ledger.provider';

/** Dead letters (`dlq list`) and their replay (`dlq replay --id`), read through the server's own bus. */
@Roles('admin')
@Controller('admin/ops/dead-letters')
export class DeadLettersController {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(REPLAY_LEDGER) private readonly ledger: ReplayLedger,
    private readonly audit: AuditLog,
  ) {}

  /** Every letter, pending and replayed, of one topic or of every marketplace topic. */
  @Get()
  list(@Query() query: DeadLettersQueryDto) {
    return asHttp(async () => {
      const items: ReturnType<typeof letterView>[] = [];
      for (const topic of dlqTopicsOf(query.topic)) items.push(...(await readLetters(this.bus, this.ledger, topic)).map(letterView));
      return { items };
    });
  }

  @Post(':topic/:id/replay')
  @HttpCode(200)
  replay(@CurrentUser() admin: AuthenticatedUser, @Param() params: ReplayParamsDto) {
    return asHttp(async () => {
      const [topic] = dlqTopicsOf(params.topic);
      const entry = { action: 'dead_letter_replayed', adminId: admin.id, target: `dead letter ${topic}/${params.id}` } as const;
      try {
        const { replayed } = await replayLetters(this.bus, this.ledger, { topic, id: params.id });
        await this.audit.record({ ...entry, outcome: 'succeeded', details: { topic, letterId: params.id, replayed } });
        return { replayed };
      } catch (error) {
        // The operator's errors (no such letter, replayed already) changed nothing; a failed send is recorded.
        if (!(error instanceof OpsError)) await this.audit.record({ ...entry, outcome: 'failed', details: { topic, letterId: params.id, error: (error as Error).message.slice(0, 2000) } });
        throw error;
      }
    }, 'already_replayed');
  }
}

function letterView(letter: ListedLetter) {
  return {
    id: letterId(letter),
    topic: letter.originalTopic,
    deadLetterTopic: letter.topic,
    place: letter.place,
    eventId: letter.eventId ?? null,
    type: letter.eventType ?? null,
    key: letter.key,
    error: `${letter.error.name}: ${letter.error.message}`,
    attempts: letter.attempts ?? null,
    failedAt: letter.failedAt ?? null,
    consumerGroup: letter.group ?? null,
    replayedAt: letter.replayedAt?.toISOString() ?? null,
  };
}
