// A @web/test-runner reporter that writes the pass/fail counts to .test-results/<name>.json,
// so scripts/test.mjs can sum every step into one closing line, and the names of failed tests
// (file › suite › test), so that line's neighbours say what failed even when only the tail of a CI
// log is kept.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals, path) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      totals.failures.push([...path, test.name].join(' › '));
    }
  }
  for (const child of suite?.suites ?? []) count(child, totals, [...path, child.name]);
}

export function resultsReporter(name) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        count(session.testResults, totals, [session.testFile.replace(`${process.cwd()}/`, '')]);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failed++;
          totals.failures.push(`${session.testFile.replace(`${process.cwd()}/`, '')}: ${session.errors[0]?.message ?? 'failed outside a test'}`);
        }
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(`.test-results/${name}.json`, JSON.stringify(totals));
    },
  };
}
