import { ConfigError, parseConfig } from '@marketplace/platform';
import { conversationsConfigProvider, conversationsConfigSchema } from './conversations-config';

describe('conversations config', () => {
  it('given no variables, then the defaults: no masking, 30 messages a minute, 10 conversations an hour, 30 s heartbeats', () => {
    expect(parseConfig(conversationsConfigSchema, {})).toEqual({
      CONVERSATIONS_MASK_CONTACTS: false,
      CONVERSATIONS_MESSAGE_LIMIT: 30,
      CONVERSATIONS_MESSAGE_WINDOW_MS: 60_000,
      CONVERSATIONS_OPEN_LIMIT: 10,
      CONVERSATIONS_OPEN_WINDOW_MS: 3_600_000,
      CONVERSATIONS_HEARTBEAT_MS: 30_000,
    });
  });

  it('given a bad value, then it is named', () => {
    expect(() => parseConfig(conversationsConfigSchema, { CONVERSATIONS_MESSAGE_LIMIT: '0', CONVERSATIONS_MASK_CONTACTS: 'maybe' })).toThrow(/CONVERSATIONS_MESSAGE_LIMIT.*CONVERSATIONS_MASK_CONTACTS|CONVERSATIONS_MASK_CONTACTS.*CONVERSATIONS_MESSAGE_LIMIT/);
  });

  it('given a service config without the shape, when the module starts, then it fails naming what is missing', () => {
    const start = () => conversationsConfigProvider.useFactory({ SERVICE_NAME: 'notifications' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/CONVERSATIONS_HEARTBEAT_MS: is not in the service config/);
    const complete = parseConfig(conversationsConfigSchema, {});
    expect(conversationsConfigProvider.useFactory(complete)).toBe(complete);
  });
});
