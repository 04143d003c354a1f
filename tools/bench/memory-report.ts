import { textTable } from './report-table';

export interface ServiceMemory {
  service: string;
  /** The resident set as soon as every service is ready. */
  readyRssBytes: number;
  /** The median resident set once settled. */
  idleRssBytes: number;
  /** The anonymous part of the idle resident set (RssAnon) at the median's sample. */
  idleAnonBytes: number;
  /** Unknown for a floor, which serves no /metrics. */
  idleHeapBytes?: number;
  /** The highest resident set sampled during the checkout load, when one ran. */
  loadPeakRssBytes?: number;
  /** Heap used at the end of the load. */
  loadHeapBytes?: number;
  /** CPU time the service took during the load, user and system. */
  loadCpuSeconds?: number;
  /** Time its main thread was paused in garbage collection during the load (wall time). */
  loadGcSeconds?: number;
}

/**
 * The services' memory in MB (CPU and GC time in seconds) as a plain-text table, their total as the row
 * after theirs; the floors, which are not services, after the total.
 */
export function memoryReport(services: ServiceMemory[], floors: ServiceMemory[] = []): string {
  const withLoad = services.some((row) => row.loadPeakRssBytes !== undefined);
  const headers = [
    'service',
    'ready RSS MB',
    'idle RSS MB',
    'idle anon MB',
    'idle heap used MB',
    ...(withLoad ? ['load peak RSS MB', 'load heap used MB', 'load CPU s', 'load GC s'] : []),
  ];
  const sum = (pick: (row: ServiceMemory) => number | undefined) => services.reduce((total, row) => total + (pick(row) ?? 0), 0);
  const total: ServiceMemory = {
    service: 'total',
    readyRssBytes: sum((row) => row.readyRssBytes),
    idleRssBytes: sum((row) => row.idleRssBytes),
    idleAnonBytes: sum((row) => row.idleAnonBytes),
    idleHeapBytes: sum((row) => row.idleHeapBytes),
    ...(withLoad && {
      loadPeakRssBytes: sum((row) => row.loadPeakRssBytes),
      loadHeapBytes: sum((row) => row.loadHeapBytes),
      loadCpuSeconds: sum((row) => row.loadCpuSeconds),
      loadGcSeconds: sum((row) => row.loadGcSeconds),
    }),
  };
  const cells = [...services, total, ...floors].map((row) => [
    row.service,
    megabytes(row.readyRssBytes),
    megabytes(row.idleRssBytes),
    megabytes(row.idleAnonBytes),
    megabytes(row.idleHeapBytes),
    ...(withLoad ? [megabytes(row.loadPeakRssBytes), megabytes(row.loadHeapBytes), seconds(row.loadCpuSeconds), seconds(row.loadGcSeconds)] : []),
  ]);
  return textTable(headers, cells);
}

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '' : (bytes / 2 ** 20).toFixed(1);
}

function seconds(value: number | undefined): string {
  return value === undefined ? '' : value.toFixed(2);
}
