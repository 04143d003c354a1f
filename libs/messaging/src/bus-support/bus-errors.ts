/** Base of every error the bus adapters raise on purpose, so callers can tell them from driver failures. */
export class MessageBusError extends Error {
  constructor(
    readonly code: 'bus_configuration' | 'invalid_topic' | 'invalid_message' | 'bus_closed',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The bus cannot be built from the options given (no backend, bad schema name, ...). */
export class BusConfigurationError extends MessageBusError {
  constructor(message: string) {
    super('bus_configuration', message);
  }
}

export class InvalidTopicError extends MessageBusError {
  constructor(readonly topic: string, reason: string) {
    super('invalid_topic', `Invalid topic ${JSON.stringify(topic)}: ${reason}`);
  }
}

export class InvalidMessageError extends MessageBusError {
  constructor(reason: string) {
    super('invalid_message', `Invalid message: ${reason}`);
  }
}

/** The bus (or one of its producers) was used after close(). */
export class BusClosedError extends MessageBusError {
  constructor(what: string) {
    super('bus_closed', `${what} is closed`);
  }
}
