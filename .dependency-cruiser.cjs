// The layer rules for src/ (see CONTRIBUTING.md, "Layers"). test/architecture.test.ts cruises src with
// them and fails naming each violation; it also cruises test/fixtures/architecture, a small tree that
// breaks every rule once, so each rule is shown to catch what it is for.
//
// Paths are relative to the cruised tree's root, so the same rules apply to src/ and to the fixture.
// The extension is left open (.ts, or .js once compiled): see the test for why it cruises compiled
// output. Type-only imports are allowed where a rule says so; in compiled output they are gone
// already, and a TypeScript parser reports them as `type-only`.

/** Matches every file under one of these folders of src/. */
const under = (...dirs) => `^src/(${dirs.join('|')})/`;
const SANDBOX_WIRING = '^src/modes/sandbox\\.[cm]?[jt]s$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'coaching-is-pure',
      comment:
        'src/coaching is pure coaching logic: plain data in, plain data out. It may use src/core and ' +
        'packages, nothing else of the app (no store, db, slack, nudges, services, sandbox).',
      severity: 'error',
      from: { path: under('coaching') },
      to: { path: '^src/', pathNot: under('coaching', 'core') },
    },
    {
      name: 'core-imports-nothing-of-the-app',
      comment: 'src/core (Scope, Clock) is importable by every layer, so it imports none of them.',
      severity: 'error',
      from: { path: under('core') },
      to: { path: '^src/', pathNot: under('core') },
    },
    {
      name: 'store-below-services-and-slack',
      comment: 'src/store answers queries; it never calls up into slack, services or nudges.',
      severity: 'error',
      from: { path: under('store') },
      to: { path: under('slack', 'services', 'nudges') },
    },
    {
      name: 'services-know-no-slack',
      comment: 'Services take plain input and return plain data; Slack stays in src/slack.',
      severity: 'error',
      from: { path: under('services') },
      to: { path: under('slack') },
    },
    {
      name: 'views-no-data-access',
      comment: 'View builders are pure: they render data they are given and never load it.',
      severity: 'error',
      from: { path: '^src/slack/views/' },
      to: { path: under('store', 'db') },
    },
    {
      name: 'views-only-types-from-services',
      comment: "View builders may name a service's types, never call one.",
      severity: 'error',
      from: { path: '^src/slack/views/' },
      to: { path: under('services'), dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'views-know-no-listeners',
      comment: 'Listeners use views, not the other way round.',
      severity: 'error',
      from: { path: '^src/slack/views/' },
      to: { path: '^src/slack/listeners/' },
    },
    {
      name: 'sandbox-only-through-its-wiring',
      comment:
        'The Slack stand-in and driver in src/sandbox are for sandbox mode and tests. In production ' +
        'code only the sandbox mode wiring (src/modes/sandbox.ts) imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/sandbox/', SANDBOX_WIRING] },
      to: { path: '^src/sandbox/' },
    },
    {
      name: 'no-circular',
      comment: 'No module depends on itself through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/db/generated/' },
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
  },
};
