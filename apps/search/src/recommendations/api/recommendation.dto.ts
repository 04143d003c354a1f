import { createZodDto } from 'nestjs-zod';
import { productIdParamsSchema, recommendationQuerySchema } from '../domain/recommendation-query';

export class RecommendationQueryDto extends createZodDto(recommendationQuerySchema) {}

export class ProductIdParamsDto extends createZodDto(productIdParamsSchema) {}
