// Lint: typescript-eslint's recommended rules plus the layer rules of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports a layer may not make: each entry is a folder under src/ that the layer must not reach. */
const forbid = (...layers) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: layers.map((layer) => ({
        group: [`**/${layer}/**`, `**/${layer}`],
        message: `this layer must not import from src/${layer} (see docs/architecture.md)`,
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/artifacts/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', __dirname: 'readonly', structuredClone: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', SharedArrayBuffer: 'readonly', Atomics: 'readonly', performance: 'readonly', queueMicrotask: 'readonly', AbortController: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_' }],
      'no-useless-catch': 'error',
      'no-unused-private-class-members': 'error',
      'no-void': ['error', { allowAsStatement: true }],
      // Sanitisers match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  { files: ['src/core/**/*.ts'], rules: forbid('io', 'report', 'cli', 'app') },
  { files: ['src/io/**/*.ts', 'src/report/**/*.ts'], rules: forbid('cli', 'app') },
  { files: ['src/messages/**/*.ts'], rules: forbid('io', 'report', 'cli', 'app') },
  { files: ['src/app/**/*.ts'], rules: forbid('cli') },
  // The launcher is CommonJS (bin/package.json), so that a run never starts Node's ES module loader.
  { files: ['bin/**/*.js'], languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['tests/**/*.ts', 'bench/**/*.{ts,mjs}'], rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
);
