import { SERVICE_NAMES, serviceMain } from '@marketplace/platform';
import { serviceMain as testProcessMain } from '@marketplace/testing';

describe('where each process is compiled to', () => {
  it('is the same for npm start and for the tests\' processes, the ops server under dist/tools', () => {
    for (const name of SERVICE_NAMES) expect({ name, main: testProcessMain(name) }).toEqual({ name, main: serviceMain(name) });
    expect(serviceMain('ops')).toBe('dist/tools/ops/server/main.js');
    expect(serviceMain('orders')).toBe('dist/apps/orders/src/main.js');
  });
});
