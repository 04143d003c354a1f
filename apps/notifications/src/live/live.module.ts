import { Module } from '@nestjs/common';
import { LiveFeed } from './live-feed';

/** The cross-instance live feed, shared by the notification stream and conversations. */
@Module({ providers: [LiveFeed], exports: [LiveFeed] })
export class LiveModule {}
