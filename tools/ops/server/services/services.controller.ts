import { Roles } from '@marketplace/auth';
import { Controller, Get } from '@nestjs/common';
import { ServiceProbe } from './service-probe';

/** `GET admin/ops/services`: each service's health, readiness and traffic. */
@Roles('admin')
@Controller('admin/ops/services')
export class ServicesController {
  constructor(private readonly probe: ServiceProbe) {}

  @Get()
  async list() {
    return { items: await this.probe.all() };
  }
}
