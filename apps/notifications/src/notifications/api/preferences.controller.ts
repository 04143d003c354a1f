import { type AuthenticatedUser, CurrentUser } from '@marketplace/auth';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX } from '@marketplace/platform';
import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import type { Knex } from 'knex';
import { applyPreferencesChange, type Preferences } from '../domain/preferences';
import { PreferencesRepository } from '../infrastructure/preferences-repository';
import { PreferencesChangeDto } from './notifications.dto';

const view = (preferences: Preferences) => ({ ...preferences, alwaysSent: ['security'] });

/** Which categories reach the caller on which channel. Security messages are always sent. */
@Controller('notifications/preferences')
export class PreferencesController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly preferences: PreferencesRepository,
  ) {}

  @Get()
  async get(@CurrentUser() user: AuthenticatedUser) {
    return view(await this.preferences.get(this.db, user.id));
  }

  @Put()
  async put(@CurrentUser() user: AuthenticatedUser, @Body() change: PreferencesChangeDto) {
    return this.db.transaction(async (trx) => {
      await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`preferences:${user.id}`]);
      const updated = applyPreferencesChange(await this.preferences.get(trx, user.id), change);
      await this.preferences.save(trx, user.id, updated, this.clock.now());
      return view(updated);
    });
  }
}
