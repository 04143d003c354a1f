import { Writable } from 'node:stream';
import pino from 'pino';
import { PinoNestLogger } from './nest-logger';

function capture(): { logger: PinoNestLogger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _encoding, done) => (chunks.push(String(chunk)), done()) });
  const logger = pino({ level: 'debug', formatters: { level: (label) => ({ level: label }) } }, stream);
  return { logger: new PinoNestLogger(logger), lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line)) };
}

describe('PinoNestLogger', () => {
  it("writes Nest's start-up narration at debug and everything else at its own level", () => {
    const { logger, lines } = capture();
    logger.log('Mapped {/orders, POST} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('order placed', 'OrdersService');
    logger.warn('slow', 'Relay');
    expect(lines().map((line) => [line.level, line.msg, line.context])).toEqual([
      ['debug', 'Mapped {/orders, POST} route', 'RouterExplorer'],
      ['debug', 'AppModule dependencies initialized', 'InstanceLoader'],
      ['info', 'order placed', 'OrdersService'],
      ['warn', 'slow', 'Relay'],
    ]);
  });
});
