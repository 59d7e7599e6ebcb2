// Lint rules for every project. Module boundaries (from the tags in each package.json's "nx" field):
// apps may use libs, libs only libs, e2e anything; no lib reaches into an app. Layers, each using only those
// below it: core (kv, shm, proto, metrics) < engine (inference) < serving (the services' shared loops) <
// service (the apps that run over NATS); the CLI uses core and engine, and starts services as processes.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/generated/**', '**/build/**', '**/node_modules/**', '**/dist/**', 'tools/.venv/**', 'tools/.work/**', '.nx/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:app'] },
            { sourceTag: 'layer:core', onlyDependOnLibsWithTags: ['layer:core'] },
            { sourceTag: 'layer:engine', onlyDependOnLibsWithTags: ['layer:core'] },
            { sourceTag: 'layer:serving', onlyDependOnLibsWithTags: ['layer:core', 'layer:engine'] },
            { sourceTag: 'layer:service', onlyDependOnLibsWithTags: ['layer:core', 'layer:engine', 'layer:serving'] },
            { sourceTag: 'layer:cli', onlyDependOnLibsWithTags: ['layer:core', 'layer:engine'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
