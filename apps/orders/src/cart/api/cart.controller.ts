import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CartService } from '../application/cart.service';
import type { CartView } from '../domain/cart-view';
import { AddCartItemDto, CartProductParamDto, SetCartItemDto } from './cart.dto';

/** The caller's own cart; every answer is the whole cart as it now is. */
@Roles('buyer')
@Controller('cart')
export class CartController {
  constructor(private readonly carts: CartService) {}

  @Get()
  view(@CurrentUser() buyer: AuthenticatedUser): Promise<CartView> {
    return this.carts.view(buyer.id);
  }

  /** Adds the quantity to what the cart already holds of the product. */
  @Post('items')
  @HttpCode(200)
  add(@CurrentUser() buyer: AuthenticatedUser, @Body() body: AddCartItemDto): Promise<CartView> {
    return this.carts.add(buyer.id, body.productId, body.quantity);
  }

  @Patch('items/:productId')
  setQuantity(@CurrentUser() buyer: AuthenticatedUser, @Param() params: CartProductParamDto, @Body() body: SetCartItemDto): Promise<CartView> {
    return this.carts.setQuantity(buyer.id, params.productId, body.quantity);
  }

  @Delete('items/:productId')
  remove(@CurrentUser() buyer: AuthenticatedUser, @Param() params: CartProductParamDto): Promise<CartView> {
    return this.carts.remove(buyer.id, params.productId);
  }
}
