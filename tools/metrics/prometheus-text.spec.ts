import { prometheusSamples } from './prometheus-text';

describe('prometheusSamples', () => {
  it('reads names, labels (quotes escaped inside) and values, skipping comments and blank lines', () => {
    const text = [
      '# HELP http_server_request_duration_seconds Duration',
      '# TYPE http_server_request_duration_seconds histogram',
      'http_server_request_duration_seconds_bucket{le="0.005",route="/a \\"b\\"",status="200"} 3',
      'process_start_time_seconds 1700000000',
      '',
      'nodejs_heap_size_used_bytes 1.5e+07',
    ].join('\n');
    expect(prometheusSamples(text)).toEqual([
      { name: 'http_server_request_duration_seconds_bucket', labels: { le: '0.005', route: '/a \\"b\\"', status: '200' }, value: 3 },
      { name: 'process_start_time_seconds', labels: {}, value: 1700000000 },
      { name: 'nodejs_heap_size_used_bytes', labels: {}, value: 15_000_000 },
    ]);
  });
});
