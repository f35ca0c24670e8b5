import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs a CLI script the way `npm run <name> -- …` does (tsx), with no input. */
function run(script: string, args: string[]) {
  const result = spawnSync('npx', ['tsx', script, ...args], { encoding: 'utf8', input: '' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('command-line conventions', () => {
  it('--help prints the usage and exits 0', () => {
    for (const script of ['scripts/forecast.ts', 'scripts/plan.ts']) {
      const { code, out, err } = run(script, ['--help']);
      expect(code, script).toBe(0);
      expect(out, script).toMatch(/^usage: npm run --silent (forecast|plan) -- /);
      expect(err, script).toBe('');
    }
  }, 60_000);

  it('a bad argument prints what is wrong and the usage, and exits 2', () => {
    const forecast = run('scripts/forecast.ts', []);
    expect(forecast.code).toBe(2);
    expect(forecast.err).toMatch(/missing --horizon[\s\S]*usage: /);
    const plan = run('scripts/plan.ts', ['--now', 'yesterday']);
    expect(plan.code).toBe(2);
    expect(plan.err).toMatch(/--now must be/);
  }, 60_000);
});
