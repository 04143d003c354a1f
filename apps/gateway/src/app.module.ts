import { Module } from '@nestjs/common';
import { PlatformModule } from '@marketplace/platform';
import { ServiceReadiness } from './infrastructure/service-readiness';

/** The gateway: no database of its own; ready when every service is. Routing arrives with the API issues. */
@Module({
  imports: [PlatformModule.forRoot()],
  providers: [ServiceReadiness],
})
export class AppModule {}
