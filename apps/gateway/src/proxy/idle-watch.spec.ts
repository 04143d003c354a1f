import { IdleWatch } from './idle-watch';

describe('IdleWatch', () => {
  it('tells a body once it has been silent for idleMs, counted from its last touch', () => {
    let now = 0;
    const watch = new IdleWatch(300, () => now);
    const idle: string[] = [];
    const quiet = watch.watch(() => idle.push('quiet'));
    const busy = watch.watch(() => idle.push('busy'));
    now = 200;
    busy.touch();
    now = 299;
    watch.sweep();
    expect(idle).toEqual([]);
    now = 300;
    watch.sweep();
    expect(idle).toEqual(['quiet']);
    now = 499;
    watch.sweep();
    expect(idle).toEqual(['quiet']);
    now = 500;
    watch.sweep();
    watch.sweep();
    expect(idle).toEqual(['quiet', 'busy']);
    expect(watch.size).toBe(0);
    quiet.touch();
    watch.close();
  });

  it('never tells a body that was stopped', () => {
    let now = 0;
    const watch = new IdleWatch(300, () => now);
    const onIdle = jest.fn();
    watch.watch(onIdle).stop();
    now = 10_000;
    watch.sweep();
    expect(onIdle).not.toHaveBeenCalled();
    expect(watch.size).toBe(0);
  });

  it('ticks at a tenth of idleMs, at most every second, and its timer goes once nothing is watched', async () => {
    expect(new IdleWatch(15_000).tickMs).toBe(1000);
    expect(new IdleWatch(300).tickMs).toBe(30);
    const watch = new IdleWatch(40);
    const started = performance.now();
    const idleAfter = await new Promise<number>((resolve) => watch.watch(() => resolve(performance.now() - started)));
    expect(idleAfter).toBeGreaterThanOrEqual(39);
    expect(idleAfter).toBeLessThan(40 + 5 * watch.tickMs);
    await new Promise((resolve) => setTimeout(resolve, 3 * watch.tickMs));
    expect((watch as unknown as { timer?: unknown }).timer).toBeUndefined();
  });
});
