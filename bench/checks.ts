// What every benchmark hands back: checks against targets, printed the same way.

export interface Check {
  name: string;
  ok: boolean;
  /** The figure, as printed (e.g. "1.12×", "412 ms"). */
  measured: string;
  /** The target, as printed (e.g. "≤ 1.3×"). */
  target: string;
  detail?: string;
}

export function printChecks(checks: Check[]): number {
  let failed = 0;
  for (const c of checks) {
    if (!c.ok) failed++;
    console.log(
      `${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.measured} (target ${c.target})${c.detail ? ` — ${c.detail}` : ''}`,
    );
  }
  return failed;
}
