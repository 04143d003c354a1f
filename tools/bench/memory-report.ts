import { textTable } from './report-table';

export interface ServiceMemory {
  service: string;
  /** The resident set as soon as every service is ready. */
  readyRssBytes: number;
  /** The median resident set once settled. */
  idleRssBytes: number;
  idleHeapBytes: number;
  /** The highest resident set sampled during the checkout load, when one ran. */
  loadPeakRssBytes?: number;
  /** Heap used at the end of the load. */
  loadHeapBytes?: number;
}

/** The services' memory in MB as a plain-text table, with their total as the last row. */
export function memoryReport(rows: ServiceMemory[]): string {
  const withLoad = rows.some((row) => row.loadPeakRssBytes !== undefined);
  const headers = ['service', 'ready RSS MB', 'idle RSS MB', 'idle heap used MB', ...(withLoad ? ['load peak RSS MB', 'load heap used MB'] : [])];
  const sum = (pick: (row: ServiceMemory) => number | undefined) => rows.reduce((total, row) => total + (pick(row) ?? 0), 0);
  const total: ServiceMemory = {
    service: 'total',
    readyRssBytes: sum((row) => row.readyRssBytes),
    idleRssBytes: sum((row) => row.idleRssBytes),
    idleHeapBytes: sum((row) => row.idleHeapBytes),
    ...(withLoad && { loadPeakRssBytes: sum((row) => row.loadPeakRssBytes), loadHeapBytes: sum((row) => row.loadHeapBytes) }),
  };
  const cells = [...rows, total].map((row) => [
    row.service,
    megabytes(row.readyRssBytes),
    megabytes(row.idleRssBytes),
    megabytes(row.idleHeapBytes),
    ...(withLoad ? [megabytes(row.loadPeakRssBytes), megabytes(row.loadHeapBytes)] : []),
  ]);
  return textTable(headers, cells);
}

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '' : (bytes / 2 ** 20).toFixed(1);
}
