// @ts-check
// Nest 12 packages are ES modules only: @swc/jest turns them (and our TypeScript) into CommonJS.
const esmPackages = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', '@borewit', 'uint8array-extras', 'load-esm'];

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: { '^#([a-z]+)$': '<rootDir>/libs/$1/src' },
};

// Integration and end-to-end suites share one set-up: a fresh database cloned from the PostGIS
// template per test file and a queue prefix per run, so a running dev worker cannot steal jobs.
const withServices = {
  ...shared,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  // A global option (Jest ignores it inside projects): suites that boot the API and the worker
  // against real services need more than the 5 s default on a loaded 2-core machine.
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'] },
    { ...withServices, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    { ...withServices, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
