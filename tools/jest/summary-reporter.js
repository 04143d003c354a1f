// Ends the run with one plain line ("Tests: N passed, N failed, N skipped") and the backends that ran
// or were skipped, so that CI logs can be read without knowing jest's own summary format.
const fs = require('node:fs');
const path = require('node:path');

const BACKENDS_FILE = path.join(__dirname, '..', '..', '.data', 'test-backends.jsonl');

class SummaryReporter {
  onRunStart() {
    fs.mkdirSync(path.dirname(BACKENDS_FILE), { recursive: true });
    fs.rmSync(BACKENDS_FILE, { force: true });
  }

  onRunComplete(_contexts, results) {
    const lines = fs.existsSync(BACKENDS_FILE) ? fs.readFileSync(BACKENDS_FILE, 'utf8').split('\n').filter(Boolean) : [];
    const backends = new Map();
    for (const line of lines) {
      const { suite, backend, status, reason } = JSON.parse(line);
      backends.set(`${suite} [${backend}]`, reason ? `${status} (${reason})` : status);
    }
    // jest's own summary is printed after every reporter's onRunComplete; these lines go last.
    process.once('exit', () => this.print(backends, results));
  }

  print(backends, results) {
    const out = process.stdout;
    if (backends.size > 0) {
      out.write('\nBackends:\n');
      for (const [name, status] of [...backends].sort()) out.write(`  ${name}: ${status}\n`);
    }
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    out.write(`\nTests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

module.exports = SummaryReporter;
