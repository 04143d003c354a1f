import { summariseCpuProfile, type CpuProfile } from './gateway-cpu-profile';

describe('summariseCpuProfile', () => {
  it('adds up self time per frame and per package, leaving idle time out of the shares', () => {
    const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5] },
        { id: 2, callFrame: frame('(idle)') },
        { id: 3, callFrame: frame('write', 'file:///repo/node_modules/pino/lib/proto.js', 9) },
        { id: 4, callFrame: frame('forward', 'file:///repo/dist/apps/gateway/src/proxy/api-proxy.js', 41) },
        { id: 5, callFrame: frame('patched', 'file:///repo/node_modules/@opentelemetry/instrumentation-http/build/src/http.js', 0) },
      ],
      samples: [2, 3, 3, 4, 5, 2],
      timeDeltas: [5_000, 1_000, 2_000, 500, 500, 5_000],
    };
    const summary = summariseCpuProfile(profile, '/repo');
    expect(summary.totalMs).toBe(4);
    expect(summary.selfFrames).toEqual([
      { frame: 'write node_modules/pino/lib/proto.js:10', ms: 3, percent: 75 },
      { frame: 'forward dist/apps/gateway/src/proxy/api-proxy.js:42', ms: 0.5, percent: 12.5 },
      { frame: 'patched node_modules/@opentelemetry/instrumentation-http/build/src/http.js:1', ms: 0.5, percent: 12.5 },
    ]);
    expect(summary.byPackage.map((p) => p.frame)).toEqual(['pino', 'apps/gateway', '@opentelemetry/instrumentation-http']);
  });
});
