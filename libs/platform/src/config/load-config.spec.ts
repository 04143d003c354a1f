import { z } from 'zod';
import { baseConfigSchema, dataServiceConfigSchema } from './base-config';
import { ConfigError, loadConfig, parseConfig } from './load-config';

const valid = { SERVICE_NAME: 'catalog', PORT: '3002', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };

describe('parseConfig', () => {
  it('parses the environment with defaults', () => {
    const config = parseConfig(dataServiceConfigSchema, valid);
    expect(config).toMatchObject({ SERVICE_NAME: 'catalog', PORT: 3002, HOST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FORMAT: 'json', BODY_LIMIT_BYTES: 1048576 });
    expect(config.KAFKA_BROKERS).toBeUndefined();
  });

  it('splits KAFKA_BROKERS and treats an empty value as unset', () => {
    expect(parseConfig(dataServiceConfigSchema, { ...valid, KAFKA_BROKERS: 'a:9092, b:9093' }).KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(parseConfig(dataServiceConfigSchema, { ...valid, KAFKA_BROKERS: '' }).KAFKA_BROKERS).toBeUndefined();
  });

  it('names a missing variable', () => {
    const { DATABASE_URL: _omitted, ...env } = valid;
    expect(() => parseConfig(dataServiceConfigSchema, env)).toThrow('Invalid configuration: DATABASE_URL: is not set (must be a postgres:// URL)');
  });

  it('names every bad variable, with what is wrong', () => {
    try {
      parseConfig(dataServiceConfigSchema, { ...valid, PORT: 'eighty', DATABASE_URL: 'mysql://x/y', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
      expect(problems.find((p) => p.variable === 'PORT')?.message).toBe('must be a port number');
      expect(problems.find((p) => p.variable === 'DATABASE_URL')?.message).toBe('must be a postgres:// URL');
    }
  });

  it('rejects a malformed broker list and telemetry endpoint', () => {
    expect(() => parseConfig(dataServiceConfigSchema, { ...valid, KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS/);
    expect(() => parseConfig(baseConfigSchema, { ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: must be a URL/);
  });
});

describe('loadConfig', () => {
  it('returns the config when it is valid', () => {
    expect(loadConfig(z.object({ A: z.string() }), { A: 'x' })).toEqual({ A: 'x' });
  });

  it('stops the process with one line on stderr and exit code 1 when it is not', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('process.exit');
    }) as never);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => loadConfig(baseConfigSchema, { SERVICE_NAME: 'catalog' })).toThrow('process.exit');
      expect(exit).toHaveBeenCalledWith(1);
      expect(stderr).toHaveBeenCalledTimes(1);
      const line = String(stderr.mock.calls[0]?.[0]);
      expect(line).toMatch(/^Invalid configuration: PORT: is not set \(.+\)\n$/);
      expect(line.trimEnd()).not.toContain('\n');
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
