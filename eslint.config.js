// One linter config for the whole tree (npm test runs it). Import boundaries here; import
// cycles and store-only-through-its-index are checked by tests/conformance (type imports too).
import tseslint from 'typescript-eslint';

const noDeepStore = {
  group: ['**/store/*', '!**/store/index', '@/lib/store/*', '!@/lib/store/index'],
  message: 'Import the store through lib/store/index.ts only.',
};

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      '.wxt/**',
      'node_modules/**',
      'demo-output/**',
      'test-results/**',
      'playwright-report/**',
      'lib/forecast/testdata/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'max-len': [
        'error',
        { code: 160, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreComments: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // lib/ is plain TypeScript: it never reaches into the UI or the entrypoints.
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components/**', '@/components/**', '**/entrypoints/**', '@/entrypoints/**'],
              message: 'lib/ never imports components/ or entrypoints/.',
            },
            noDeepStore,
          ],
        },
      ],
    },
  },
  {
    files: ['lib/store/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components/**', '@/components/**', '**/entrypoints/**', '@/entrypoints/**'],
              message: 'lib/ never imports components/ or entrypoints/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDeepStore] }] },
  },
  {
    // Tests and benches may poke at internals and use loose types.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**', 'scripts/bench/**', '**/test-*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-imports': 'off' },
  },
);
