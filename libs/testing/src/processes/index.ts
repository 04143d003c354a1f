export * from './cluster-secrets';
export * from './ensure-built';
export * from './free-port';
export * from './gateway-readiness';
export * from './repo-root';
export * from './service-cluster';
export * from './service-env';
export * from './service-process';
