// Type-aware lint: the rules that catch what the compiler does not (lost promises, missed union members).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.run/', '.nx/', 'deploy/', '**/*.cjs', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through loadConfig only.' },
      ],
    },
  },
  {
    // examples/ stand for other teams' services: they read their own configuration, without the platform's loadConfig.
    files: ['libs/shared/platform/src/config.ts', 'examples/*/src/main.ts', 'libs/shared/testing/src/**/*.ts', 'test/support/**', 'test/integration/support/**', 'test/architecture/nx-graph.unit.spec.ts', 'bench/src/**', 'faults/src/**', '**/*.int.spec.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['libs/*/domain/src/**/*.ts', 'libs/shared/kernel/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain code takes time from command metadata.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Domain code takes time from command metadata.' },
        { selector: "CallExpression[callee.name='randomUUID']", message: 'Domain code takes ids from command metadata.' },
      ],
    },
  },
);
