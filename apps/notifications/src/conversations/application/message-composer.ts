import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { CONVERSATIONS_CONFIG, type ConversationsConfig } from '../conversations-config';
import { maskContacts } from '../domain/contact-masking';
import type { NewMessage } from '../domain/conversation';

/** A checked body (plain text, at most 2000 characters) and the client's optional id for the message. */
export interface MessageInput {
  body: string;
  clientMessageId?: string;
}

/** Turns what a client sent into a message to store: its id and time, its body masked when the service is configured to. */
@Injectable()
export class MessageComposer {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CONVERSATIONS_CONFIG) private readonly config: ConversationsConfig,
  ) {}

  compose(input: MessageInput): { message: NewMessage; at: Date } {
    const body = this.config.CONVERSATIONS_MASK_CONTACTS ? maskContacts(input.body) : input.body;
    return { message: { messageId: this.ids.next(), body, clientMessageId: input.clientMessageId ?? null }, at: this.clock.now() };
  }

  newConversationId(): string {
    return this.ids.next();
  }
}
