import { resolveBackend, type BackendSource, type ServiceScript } from './resolve-backend';

class FakeScript implements ServiceScript {
  readonly path = 'infra/fake.sh';
  readonly calls: string[] = [];
  constructor(
    private running: boolean,
    private readonly startFails = false,
  ) {}
  async isRunning() {
    return this.running;
  }
  async start() {
    this.calls.push('start');
    if (this.startFails) throw new Error('port 9092 on 127.0.0.1 is already in use');
    this.running = true;
  }
  async stop() {
    this.calls.push('stop');
    this.running = false;
  }
  async env(): Promise<Record<string, string>> {
    return this.running ? { TEST_FAKE_URL: 'fake://script', TEST_FAKE_KEY: 'key-1' } : {};
  }
}

function source(overrides: Partial<BackendSource> = {}): BackendSource {
  return { name: 'fake', variable: 'TEST_FAKE_URL', envVariables: ['TEST_FAKE_URL', 'FAKE_URL'], ...overrides };
}

describe('resolveBackend', () => {
  it('takes the first environment variable that is set, starting nothing', async () => {
    const script = new FakeScript(false);
    const container = jest.fn();
    const resolved = await resolveBackend(source({ script, container }), { FAKE_URL: 'fake://env' }, true);
    expect(resolved).toEqual({ name: 'fake', variable: 'TEST_FAKE_URL', value: 'fake://env', origin: 'FAKE_URL from the environment' });
    expect(container).not.toHaveBeenCalled();
    expect(script.calls).toEqual([]);
  });

  it('starts a container when Docker answers, and releases it', async () => {
    const stop = jest.fn().mockResolvedValue(undefined);
    const script = new FakeScript(false);
    const resolved = await resolveBackend(source({ script, container: async () => ({ value: 'fake://container', stop }) }), {}, true);
    expect(resolved).toMatchObject({ value: 'fake://container', origin: 'testcontainers' });
    await resolved.release?.();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(script.calls).toEqual([]);
  });

  it("passes on the companions the script prints with the value (an S3 endpoint's credentials)", async () => {
    const resolved = await resolveBackend(source({ script: new FakeScript(true), companions: ['TEST_FAKE_KEY', 'TEST_FAKE_MISSING'] }), {}, false);
    expect(resolved).toMatchObject({ value: 'fake://script', companions: { TEST_FAKE_KEY: 'key-1', TEST_FAKE_MISSING: '' } });
  });

  it('falls back to the script when no Docker answers, and stops only what it started', async () => {
    const script = new FakeScript(false);
    const container = jest.fn();
    const resolved = await resolveBackend(source({ script, container }), {}, false);
    expect(resolved).toMatchObject({ value: 'fake://script', origin: 'infra/fake.sh (started for this run)' });
    expect(container).not.toHaveBeenCalled();
    await resolved.release?.();
    expect(script.calls).toEqual(['start', 'stop']);
  });

  it('uses an already running script service without ever stopping it', async () => {
    const script = new FakeScript(true);
    const resolved = await resolveBackend(source({ script }), {}, false);
    expect(resolved).toMatchObject({ value: 'fake://script', origin: 'infra/fake.sh (already running)' });
    expect(resolved.release).toBeUndefined();
  });

  it('falls back to the script when the container fails to start', async () => {
    const script = new FakeScript(false);
    const container = async () => {
      throw new Error('pull access denied');
    };
    const resolved = await resolveBackend(source({ script, container }), {}, true);
    expect(resolved.value).toBe('fake://script');
  });

  it('leaves the value unset with every reason when nothing works', async () => {
    const script = new FakeScript(false, true);
    const container = async () => {
      throw new Error('pull access denied');
    };
    const resolved = await resolveBackend(source({ script, container }), {}, true);
    expect(resolved.value).toBeUndefined();
    expect(resolved.origin).toBe('unavailable: testcontainers: pull access denied; port 9092 on 127.0.0.1 is already in use');
  });

  it('says "not configured" for an env-only backend without its variable', async () => {
    const resolved = await resolveBackend(source(), {}, true);
    expect(resolved).toEqual({ name: 'fake', variable: 'TEST_FAKE_URL', origin: 'not configured' });
  });
});
