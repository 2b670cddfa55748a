// @ts-check
/**
 * The layer rules (which way the arrows point), checked on every import of apps/, libs/ and the
 * tooling around them, test/, scripts/ and bench/ (run: npm run lint). Cross-library imports go
 * through the package.json "imports" aliases (#domain, #application, ...); they resolve through the "types" condition to
 * libs/<name>/src/index.ts, so the rules below see real edges between the libraries.
 *
 *   apps/api, apps/worker ──► application, config   (persistence and jobs only to wire modules)
 *   application ──► domain, matching, routing
 *   matching, routing ──► domain
 *   persistence, jobs ──► application's ports, domain, config
 *   domain ──► nothing
 *   test, scripts, bench ──► anything above (they boot apps and reach the database directly);
 *                            nothing in apps/ or libs/ imports them
 *
 * Every rule is an error: CI allows no warnings.
 */

/** @param {string} name a library, as a path prefix */
const lib = (name) => `^libs/${name}/`;
const LIBS = ['domain', 'application', 'matching', 'routing', 'persistence', 'jobs', 'config'];
/** @param {...string} allowed libraries left out of the pattern */
const otherLibs = (...allowed) => `^libs/(${LIBS.filter((name) => !allowed.includes(name)).join('|')})/`;

/**
 * An npm package, as dependency-cruiser resolves it (rules match the resolved path under node_modules).
 * @param {string} names alternatives of a regular expression
 */
const npm = (names) => `^node_modules/(${names})(/|$)`;

/** Frameworks and drivers: what a pure library must never see. */
const FRAMEWORKS = npm(
  '@nestjs/[^/]+|@apollo/[^/]+|typeorm|bullmq|graphql|graphql-[a-z-]+|ioredis|pg|express|nestjs-pino|pino|pino-http|class-validator|class-transformer|rxjs',
);

/** Tooling around the product: tests, npm-script tools and benchmarks. */
const TOOLING = '^(test|scripts|bench)/';

/** Files of an app that assemble modules, start the process, or check the services' health. */
const APP_WIRING = '^apps/[^/]+/src/(main\\.ts|[^/]+\\.module\\.ts|.+/[^/]+\\.module\\.ts|health/.+)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules cannot be understood (or loaded) one without the other: move the shared piece down a layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing: a typo, a missing package or an alias missing from package.json "imports".',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'nothing-imports-an-app',
      severity: 'error',
      comment: 'Apps are the outermost layer: libraries never import them, and an app never imports another app.',
      from: { pathNot: ['^apps/', TOOLING] },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      comment: 'What api and worker share belongs in a library (usually application).',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },

    {
      name: 'product-code-imports-no-tooling',
      severity: 'error',
      comment: 'Tests, scripts and benchmarks sit outside the product: apps and libraries never import them.',
      from: { path: '^(apps|libs)/' },
      to: { path: TOOLING },
    },

    // domain ──► nothing
    {
      name: 'domain-imports-no-other-layer',
      severity: 'error',
      comment: 'The domain is the centre: plain TypeScript that imports no other library.',
      from: { path: lib('domain') },
      to: { path: otherLibs('domain') },
    },
    {
      name: 'domain-imports-no-framework',
      severity: 'error',
      comment: 'The domain imports nothing from Nest, TypeORM, BullMQ, GraphQL or Redis.',
      from: { path: lib('domain') },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], path: FRAMEWORKS },
    },

    // matching, routing ──► domain
    {
      name: 'matching-routing-only-domain',
      severity: 'error',
      comment: 'Matching and routing are pure functions over the domain model.',
      from: { path: '^libs/(matching|routing)/' },
      to: { path: '^libs/', pathNot: '^libs/(domain|$1)/' },
    },
    {
      name: 'matching-routing-import-no-framework',
      severity: 'error',
      comment: 'Matching and routing are pure: no Nest, database, queue or GraphQL.',
      from: { path: '^libs/(matching|routing)/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], path: FRAMEWORKS },
    },

    {
      name: 'routing-verifier-shares-no-code',
      severity: 'error',
      comment: 'The plan verifiers check the solver from the outside: they import nothing, so a solver bug cannot hide in shared code.',
      from: { path: '^libs/routing/src/verification/', pathNot: '[.]spec[.]ts$' },
      to: { path: '^libs/', pathNot: '^libs/routing/src/verification/' },
    },

    // application ──► domain, matching, routing
    {
      name: 'application-only-domain-matching-routing',
      severity: 'error',
      comment: 'Use cases depend on the domain and the pure engines, and reach infrastructure only through their own ports.',
      from: { path: lib('application') },
      to: { path: otherLibs('application', 'domain', 'matching', 'routing') },
    },
    {
      name: 'application-no-infrastructure-package',
      severity: 'error',
      comment: 'Use cases are @Injectable classes (so @nestjs/common is fine) but never touch the database, queues, GraphQL or Redis directly.',
      from: { path: lib('application') },
      to: {
        path: npm(
          'typeorm|@nestjs/typeorm|bullmq|@nestjs/bullmq|graphql|@nestjs/graphql|@nestjs/apollo|@apollo/[^/]+|ioredis|pg|graphql-redis-subscriptions|express',
        ),
      },
    },

    // persistence, jobs ──► application's ports, domain, config; never each other
    {
      name: 'persistence-only-application-domain-config',
      severity: 'error',
      comment: 'Persistence implements the application ports with the domain model; it never imports jobs, matching, routing or an app.',
      from: { path: lib('persistence') },
      to: { path: otherLibs('persistence', 'application', 'domain', 'config') },
    },
    {
      name: 'jobs-only-application-domain-config',
      severity: 'error',
      comment: 'Jobs implements the application ports (scheduler, events) with BullMQ and Redis; it never imports persistence, matching, routing or an app.',
      from: { path: lib('jobs') },
      to: { path: otherLibs('jobs', 'application', 'domain', 'config') },
    },
    {
      name: 'config-imports-no-other-layer',
      severity: 'error',
      comment: 'Config is read by every layer that wires things: it depends on none of them.',
      from: { path: lib('config') },
      to: { path: otherLibs('config') },
    },

    // Drivers stay in their library.
    {
      name: 'only-persistence-imports-typeorm',
      severity: 'error',
      comment: 'TypeORM lives in libs/persistence; an app may use it only where it wires modules or checks health.',
      from: { pathNot: [lib('persistence'), APP_WIRING, TOOLING] },
      to: { path: npm('typeorm|@nestjs/typeorm|pg') },
    },
    {
      name: 'only-jobs-imports-bullmq',
      severity: 'error',
      comment: 'BullMQ lives in libs/jobs; an app may use it only where it wires modules.',
      from: { pathNot: [lib('jobs'), APP_WIRING, TOOLING] },
      to: { path: npm('bullmq|@nestjs/bullmq') },
    },

    // apps ──► application, config (persistence and jobs only to wire modules)
    {
      name: 'apps-reach-persistence-only-to-wire',
      severity: 'error',
      comment: 'No SQL in the apps: resolvers and handlers call use cases; only module wiring, main.ts and health checks import libs/persistence.',
      from: { path: '^apps/', pathNot: APP_WIRING },
      to: { path: lib('persistence') },
    },
    {
      name: 'apps-reach-jobs-only-to-wire',
      severity: 'error',
      comment:
        'Apps use libs/jobs to wire modules, to declare job handlers (worker) and to subscribe to live events (GraphQL subscriptions); anything else goes through an application port.',
      from: { path: '^apps/', pathNot: [APP_WIRING, '\\.job-handler\\.ts$', '\\.resolver\\.ts$'] },
      to: { path: lib('jobs') },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^dist/', '^coverage/'] },
    // Type-only imports are real design dependencies too: a layer rule that ignores them lies.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // "types" first: #domain etc. resolve to libs/*/src/index.ts rather than to dist/.
      conditionNames: ['types', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
      mainFields: ['types', 'typings', 'main'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
