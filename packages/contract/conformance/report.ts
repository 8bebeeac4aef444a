/** The human-readable report: operation → case → pass / FAIL / not checked with the reason. */
import type { ConformanceReport } from './index.js';

export function formatReport(report: ConformanceReport, options: { onlyProblems?: boolean } = {}): string {
  const lines: string[] = [`Conformance of ${report.baseUrl} with openapi.yaml`, ''];
  const byOp = new Map<string, ConformanceReport['results']>();
  for (const r of report.results) {
    const list = byOp.get(r.operationId) ?? [];
    list.push(r);
    byOp.set(r.operationId, list);
  }
  for (const [op, results] of byOp) {
    const shown = options.onlyProblems ? results.filter((r) => !r.ok || r.skipped) : results;
    const bad = results.filter((r) => !r.ok).length;
    lines.push(`${bad ? 'FAIL' : 'ok  '} ${op} (${results.length - bad}/${results.length})`);
    for (const r of shown) {
      const mark = r.skipped ? 'skip' : r.ok ? 'ok  ' : 'FAIL';
      const where = r.request ? ` [${r.request}${r.status !== undefined ? ` → ${r.status}` : ''}]` : '';
      lines.push(`     ${mark} ${r.case}${r.ok && !r.skipped ? '' : ` — ${r.reason}`}${r.ok ? '' : where}`);
    }
  }
  const c = report.coverage;
  lines.push('');
  lines.push(`Coverage: ${c.exercised}/${c.operations} operations (${c.percent} %); invalid input sent to ${c.invalidExercised}/${c.invalidApplicable} operations that take input`);
  if (c.missing.length) lines.push(`Not exercised: ${c.missing.join(', ')}`);
  lines.push(`Rules checked: ${report.rules.join(', ')}`);
  lines.push(`Time: ${(report.durationMs / 1000).toFixed(1)} s`);
  lines.push(`${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
  lines.push(report.ok ? 'CONFORMS' : 'DOES NOT CONFORM');
  return lines.join('\n');
}
