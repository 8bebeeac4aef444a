// A node:test reporter that writes {passed, failed, skipped, failures} (leaf tests only, not suites)
// as JSON; `failures` names each failed test with its file.
// Use: node --test --test-reporter=spec --test-reporter-destination=stdout
//        --test-reporter=./scripts/node-results-reporter.mjs --test-reporter-destination=.test-results/<name>.json
export default async function* resultsReporter(source) {
  const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const where = (data) => `${(data.file ?? '').replace(`${process.cwd()}/`, '')} › ${data.name}`;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite fails on its own only when a hook throws; count that as one failure.
      if (event.type === 'test:fail' && event.data.details?.error?.failureType === 'hookFailed') {
        totals.failed++;
        totals.failures.push(`${where(event.data)} (hook)`);
      }
      continue;
    }
    if (event.data.skip || event.data.todo) totals.skipped++;
    else if (event.type === 'test:pass') totals.passed++;
    else {
      totals.failed++;
      totals.failures.push(where(event.data));
    }
  }
  yield JSON.stringify(totals);
}
