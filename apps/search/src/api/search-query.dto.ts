import { createZodDto } from 'nestjs-zod';
import { searchQuerySchema } from '../domain/search-query';

export class SearchQueryDto extends createZodDto(searchQuerySchema) {}
