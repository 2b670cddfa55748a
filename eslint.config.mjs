// @ts-check
import tseslint from 'typescript-eslint';

/**
 * ESLint for the whole repository (apps, libs, test, bench, scripts), with type information from
 * the project service (tsconfig.json covers every TypeScript file we lint).
 *
 * @eslint/js is not a dependency, so the core rules we want are listed by hand below; the
 * typescript-eslint presets bring the rest. Every rule switched off says why.
 */
export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.d.ts'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // TypeScript: recommended + type-checked rules.
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The project's hard rules: no any, no floating promise, exhaustive switches, no console (the logger instead).
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false }],
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/common',
              importNames: ['forwardRef'],
              message: 'forwardRef hides a dependency cycle: split the module or move the shared piece down a layer.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // Also catches forwardRef reached some other way (namespace import, re-export).
          selector: "CallExpression[callee.name='forwardRef'], MemberExpression[property.name='forwardRef']",
          message: 'forwardRef hides a dependency cycle: split the module or move the shared piece down a layer.',
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],

      // Core rules (what @eslint/js "recommended" would have brought, and a few more).
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-debugger': 'error',
      'no-duplicate-case': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-fallthrough': 'error',
      'no-unsafe-finally': 'error',
      'no-useless-catch': 'error',
      'no-constant-condition': ['error', { checkLoops: 'allExceptWhileTrue' }],

      // Switched off, and why:
      // - Nest modules are classes with no members (@Module({...}) class X {}): that is the idiom.
      '@typescript-eslint/no-extraneous-class': 'off',
      // - Nest, TypeORM and BullMQ decorators and `useFactory` receive method references on
      //   purpose (e.g. `filter: this.isMine` in @Subscription options, jest's `expect(x.fn)`);
      //   the rule reports them although they never rely on `this` being lost.
      '@typescript-eslint/unbound-method': 'off',
      // - Interfaces of ports and job handlers declare `Promise<void>` methods that some
      //   implementations fulfil synchronously with `async`; requiring an await would force noise.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // Test files: jest's matchers are typed loosely (`expect.any(String)` returns any, mock
  // factories return any) and asserting on them is the point of a test.
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },

  // Plain JavaScript config files (jest.config.js, this file, .dependency-cruiser.cjs): no type information.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
);
