import { type AuthenticatedUser, CurrentUser, Public, Roles } from '@marketplace/auth';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { StockService, type StockView } from '../application/stock.service';
import { InventoryProductParamDto, SetInventoryDto } from './inventory.dto';

/** A product's stock: on hand, reserved by orders, and available. */
@Controller('products/:id/inventory')
export class InventoryController {
  constructor(private readonly stock: StockService) {}

  @Public()
  @Get()
  get(@Param() params: InventoryProductParamDto): Promise<StockView> {
    return this.stock.get(params.id);
  }

  @Roles('seller', 'admin')
  @Put()
  set(@CurrentUser() user: AuthenticatedUser, @Param() params: InventoryProductParamDto, @Body() body: SetInventoryDto): Promise<StockView> {
    return this.stock.setOnHand(user, params.id, body.onHand);
  }
}
