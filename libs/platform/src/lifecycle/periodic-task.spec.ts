import type { Logger } from 'pino';
import { PeriodicTask } from './periodic-task';

const logger = { error: jest.fn() } as unknown as Logger;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicTask', () => {
  it('runs its pass again and again, never two at once, and goes on after a failure', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    const task = new PeriodicTask({
      name: 'probe',
      intervalMs: 5,
      logger,
      pass: async () => {
        running += 1;
        most = Math.max(most, running);
        passes += 1;
        await delay(15);
        running -= 1;
        if (passes === 1) throw new Error('first pass fails');
      },
    });
    task.start();
    await delay(120);
    await task.stop();
    expect(passes).toBeGreaterThanOrEqual(3);
    expect(most).toBe(1);
    expect(logger.error).toHaveBeenCalledWith({ err: new Error('first pass fails') }, 'probe failed; trying again on the next pass');
  });

  it('waits for the running pass when stopped, and runs none after', async () => {
    let finished = false;
    let passes = 0;
    const task = new PeriodicTask({
      name: 'probe',
      intervalMs: 1,
      logger,
      pass: async () => {
        passes += 1;
        await delay(30);
        finished = true;
      },
    });
    task.start();
    await delay(10);
    await task.stop();
    expect(finished).toBe(true);
    const after = passes;
    await delay(20);
    expect(passes).toBe(after);
  });
});
