import { singleLine, uuid } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { clientMessageId, messageBody } from './message-fields';

const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z.string().min(1).max(500).optional();
/** An action whose body is optional: none, `{}` or its fields. */
const optionalBody = <T extends z.ZodType>(schema: T) => z.preprocess((body) => body ?? {}, schema);

const subject = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('product'), productId: uuid }), z.strictObject({ type: z.literal('order'), orderId: uuid })]);

export class OpenConversationDto extends createZodDto(z.strictObject({ subject, sellerId: uuid, message: messageBody })) {}

export class SendMessageDto extends createZodDto(z.strictObject({ body: messageBody, clientMessageId: clientMessageId.optional() })) {}

export class MarkReadDto extends createZodDto(optionalBody(z.strictObject({ upToMessageId: uuid.optional() }))) {}

export class CloseConversationDto extends createZodDto(optionalBody(z.strictObject({ reason: singleLine(z.string().trim().min(1).max(500)).optional() }))) {}

export class ConversationIdParamDto extends createZodDto(z.strictObject({ id: uuid })) {}

export class PageQueryDto extends createZodDto(z.strictObject({ cursor, limit })) {}

export class ModerationQueryDto extends createZodDto(z.strictObject({ status: z.enum(['open', 'closed']).optional(), userId: uuid.optional(), cursor, limit })) {}
