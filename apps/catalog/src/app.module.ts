import { Module } from '@nestjs/common';
import { PlatformModule } from '@marketplace/platform';

/** The catalog service: its own schema and the bus; its features arrive with their issues. */
@Module({
  imports: [PlatformModule.forRoot({ database: { migrations: [] }, bus: true })],
})
export class AppModule {}
