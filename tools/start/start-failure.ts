/** The last error a service wrote before it died: its message, and what the platform put in `err`. */
export interface LastError {
  msg: string;
  errMessage?: string;
}

/** Remembers a line if it is an error worth repeating (a fatal/error JSON line, or plain text on stderr). */
export function errorFromLine(text: string, stream: 'stdout' | 'stderr'): LastError | undefined {
  if (!text.startsWith('{')) return stream === 'stderr' && text.trim() ? { msg: text.trim() } : undefined;
  try {
    const record = JSON.parse(text) as { level?: string; msg?: string; err?: { message?: string } };
    if (record.level !== 'error' && record.level !== 'fatal') return undefined;
    return { msg: String(record.msg ?? ''), errMessage: record.err?.message };
  } catch {
    return undefined;
  }
}

/**
 * One line saying why a service did not start and what to do. The platform's causes that a person
 * can fix are named: a port taken meanwhile, a database written by a newer version (knex finds
 * migrations this code does not have), a bad variable.
 */
export function startFailureLine(service: string, exit: string, last: LastError | undefined, portVariable: string): string {
  const cause = last?.errMessage ?? last?.msg;
  const base = `${service} could not start (${exit})`;
  if (!cause) return `${base}; its output is above`;
  const missing = /migration directory is corrupt, the following files are missing: (.*)/.exec(cause);
  if (missing) {
    return `${base}: its database schema has migrations this version does not know (${missing[1].trim()}), so the data was written by a newer version: run that version, or start afresh with another DATA_DIR (or DATABASE_URL)`;
  }
  if (/EADDRINUSE/.test(cause)) return `${base}: its port is in use by another program: stop it or set ${portVariable}=<another port>`;
  if (cause.startsWith('Invalid configuration:')) return `${base}: ${cause}; fix the variable and start again`;
  return `${base}: ${cause}`;
}
