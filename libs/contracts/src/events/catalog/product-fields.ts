import { z } from 'zod';

export const productTitle = z.string().min(1).max(300);
export const productDescription = z.string().max(10000);
