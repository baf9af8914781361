// typescript-eslint's recommended rules over server, search, scripts, test and client.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'client/dist/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // Each record type has one store (*.store.ts) that alone writes its collection and owns its
  // lock or claims: elsewhere in the server, no lock, no claim and no model (its types and
  // constants excepted); reads go through the stores' read-only handles. The demo loader
  // (server/demo/) is the exception: it fills an empty database in bulk before the exchange serves.
  {
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.store.ts', 'server/**/*.model.ts', 'server/common/store.ts', 'server/demo/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/common/locks', '**/common/claims', './locks', './claims'],
              message: 'Locks and claims belong to the stores: write through a *.store.ts.',
            },
            {
              group: ['**/*.model'],
              importNamePattern: '^[A-Z]\\w*Model$',
              allowTypeImports: true,
              message: 'Only a store (*.store.ts) uses a model: write and read through the store.',
            },
          ],
        },
      ],
    },
  },
  // A route's handler takes its types from the route's joi schemas (`Joi.object<T>(…)`; api.add
  // refuses an untyped one at compile time), never from type arguments written beside them.
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='add'][typeArguments]",
          message:
            "Type the route's params, query and body schemas (Joi.object<T>(…)) instead of giving api.add type arguments.",
        },
      ],
    },
  },
);
