// The layer rules of CONTRIBUTING.md, enforced: dependency-cruiser checks src/ against the rules in
// .dependency-cruiser.cjs and every violation is listed. The same rules are run over
// test/fixtures/architecture, a tree that breaks each rule exactly once, to show that each one catches
// what it is for (and lets through what is allowed: type-only imports into views, core from coaching,
// the sandbox wiring).
//
// dependency-cruiser reads TypeScript through the TypeScript 5/6 compiler API or swc. TypeScript 7, the
// compiler this project uses, has no JavaScript API, so the tree is first compiled with the project's
// own tsc (no type checking, one file at a time: `verbatimModuleSyntax` keeps every import that exists
// at run time and drops the type-only ones), and the compiled tree, laid out like the sources, is
// cruised. Reported paths name the .ts sources.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/fixtures/architecture');
const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs') as IConfiguration;
const TSC = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
const BIOME = join(ROOT, 'node_modules/.bin/biome');
const RULES = (config.forbidden ?? []).map((rule) => rule.name);

const work = mkdtempSync(join(tmpdir(), 'coach-architecture-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Compiles `root`/src into a fresh folder laid out like `root`, and returns that folder. */
function compile(root: string, name: string): string {
  const out = join(work, name);
  const tsconfig = join(work, `${name}.tsconfig.json`);
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: {
        noEmit: false,
        noCheck: true,
        outDir: out,
        rootDir: root,
        declaration: false,
        sourceMap: false,
        types: [],
      },
      include: [join(root, 'src')],
    }),
  );
  try {
    execFileSync(process.execPath, [TSC, '-p', tsconfig], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc could not compile ${root}/src:\n${stdout ?? ''}${stderr ?? ''}`);
  }
  return out;
}

const source = (path: string): string => path.replace(/\.js$/, '.ts');

/** Cruises `root`/src with the project's rules. */
interface Cruised {
  /** Each module with the app modules it imports. */
  imports: Map<string, string[]>;
  violations: Violation[];
}

async function check(root: string, name: string): Promise<Cruised> {
  const baseDir = compile(root, name);
  const { output } = await cruise(['src'], {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  const result = output as ICruiseResult;
  return {
    imports: new Map(
      result.modules.map((m) => [
        source(m.source),
        m.dependencies.filter((d) => d.resolved.startsWith('src/')).map((d) => source(d.resolved)),
      ]),
    ),
    violations: result.summary.violations.map((v) => ({
      rule: v.rule.name,
      from: source(v.from),
      to: source(v.to),
    })),
  };
}

const describeViolation = (v: Violation): string => `${v.rule}: ${v.from} → ${v.to}`;
const byText = (a: Violation, b: Violation): number =>
  describeViolation(a).localeCompare(describeViolation(b));

describe('architecture', () => {
  it('src follows the layer rules', async () => {
    const { imports, violations } = await check(ROOT, 'src');
    // Guards against a cruise that sees nothing, or resolves nothing (and so finds nothing).
    expect(imports.size).toBeGreaterThan(150);
    expect(imports.get('src/main.ts')).toContain('src/modes/sandbox.ts');
    expect(imports.get('src/modes/sandbox.ts')).toContain('src/sandbox/index.ts');
    expect(imports.get('src/slack/views/home.ts')).toContain('src/coaching/pipeline.ts');
    expect(violations.map(describeViolation), 'layer rule violations').toEqual([]);
  });

  it('every rule catches the fixture that breaks it, and lets the allowed imports through', async () => {
    const { violations } = await check(FIXTURE, 'fixture');
    const expected: Violation[] = [
      { rule: 'coaching-is-pure', from: 'src/coaching/impure.ts', to: 'src/db/client.ts' },
      { rule: 'core-imports-nothing-of-the-app', from: 'src/core/leaky.ts', to: 'src/log.ts' },
      { rule: 'store-below-services-and-slack', from: 'src/store/leaky.ts', to: 'src/nudges/plan.ts' },
      { rule: 'services-know-no-slack', from: 'src/services/leaky.ts', to: 'src/slack/app.ts' },
      { rule: 'views-no-data-access', from: 'src/slack/views/store-reader.ts', to: 'src/store/contacts.ts' },
      {
        rule: 'views-only-types-from-services',
        from: 'src/slack/views/service-caller.ts',
        to: 'src/services/people.ts',
      },
      {
        rule: 'views-know-no-listeners',
        from: 'src/slack/views/listener-user.ts',
        to: 'src/slack/listeners/people.ts',
      },
      {
        rule: 'sandbox-only-through-its-wiring',
        from: 'src/nudges/runtime.ts',
        to: 'src/sandbox/stand-in.ts',
      },
      // A cycle is reported once, at the module where the cruise found it.
      { rule: 'no-circular', from: 'src/services/cycle-a.ts', to: 'src/services/cycle-b.ts' },
    ];
    expect(violations.map(describeViolation).sort()).toEqual(expected.sort(byText).map(describeViolation));
    expect([...new Set(violations.map((v) => v.rule))].sort()).toEqual([...RULES].sort());
  });
});

describe('process.env', () => {
  // Biome's noProcessEnv, as biome.json sets it, applied to a few files placed where the project keeps
  // its code: only src/config.ts of src may read the environment; tests, scripts and benchmarks may.
  it('is read only by src/config.ts in src, and freely outside src', () => {
    const dir = join(work, 'env');
    const settings = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as Record<string, unknown>;
    delete settings.$schema;
    const files = [
      'src/config.ts',
      'src/services/settings.ts',
      'src/coaching/time.ts',
      'src/slack/views/home.ts',
      'test/config.test.ts',
      'scripts/tool.mjs',
      'bench/run.ts',
    ];
    for (const file of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), 'export const port = process.env.PORT;\n');
    }
    writeFileSync(join(dir, 'biome.json'), JSON.stringify(settings));
    let output = '';
    try {
      output = execFileSync(BIOME, ['lint', '--colors=off', '.'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      output = `${stdout ?? ''}${stderr ?? ''}`;
    }
    const flagged = [...output.matchAll(/^(\S+):\d+:\d+ lint\/style\/noProcessEnv/gm)].map((m) => m[1]);
    expect(flagged.sort()).toEqual([
      'src/coaching/time.ts',
      'src/services/settings.ts',
      'src/slack/views/home.ts',
    ]);
  });
});
