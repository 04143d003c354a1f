import { Module } from '@nestjs/common';
import { LiveConnections } from './live-connections';
import { LiveFeed } from './live-feed';

/** The cross-instance live feed and the open connections, shared by the notification stream and conversations. */
@Module({ providers: [LiveFeed, LiveConnections], exports: [LiveFeed, LiveConnections] })
export class LiveModule {}
