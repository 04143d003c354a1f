import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { SellerApplicationsService } from '../application/seller-applications.service';
import { ApplicationIdParamDto, ListApplicationsQueryDto, RejectApplicationDto, SellerApplicationDto } from './dto';
import { applicationView } from './views';

/** A signed-in user applies to sell. */
@Controller('sellers/applications')
export class SellerApplicationsController {
  constructor(private readonly applications: SellerApplicationsService) {}

  @Post()
  async submit(@CurrentUser() caller: AuthenticatedUser, @Body() body: SellerApplicationDto) {
    return applicationView(await this.applications.submit(caller.id, body));
  }
}

/** Admins review the applications. */
@Controller('admin/seller-applications')
@Roles('admin')
export class AdminSellerApplicationsController {
  constructor(private readonly applications: SellerApplicationsService) {}

  @Get()
  async list(@Query() query: ListApplicationsQueryDto) {
    const page = await this.applications.list(query);
    const items = page.items.map(({ application, applicant }) => ({ ...applicationView(application), applicant }));
    return { items, total: page.total, limit: query.limit, offset: query.offset };
  }

  @Post(':id/approve')
  @HttpCode(200)
  async approve(@CurrentUser() admin: AuthenticatedUser, @Param() params: ApplicationIdParamDto) {
    return applicationView(await this.applications.approve(params.id, admin.id));
  }

  @Post(':id/reject')
  @HttpCode(200)
  async reject(@CurrentUser() admin: AuthenticatedUser, @Param() params: ApplicationIdParamDto, @Body() body: RejectApplicationDto) {
    return applicationView(await this.applications.reject(params.id, admin.id, body.reason));
  }
}
