// ESLint flat config. The layering is a lint rule, not a hope (as VS Code does it):
// core/shared/api/bridge/cli never import electron; shared never imports node:*; the renderer
// imports no node:* and no main code except the pure shared/ folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'Only src-main/shell, src-main/main.ts and src-main/preload may import electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench-results/**', 'coverage/**', 'tests/fixtures/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src-main/core/**', 'src-main/api/**', 'src-main/bridge/**', 'src-main/cli/**', 'src-main/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }] },
  },
  {
    files: ['src-main/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: ['node:*'], message: 'shared/ is pure: the renderer imports it.' }, { group: ['../core/*', '../api/*'], message: 'shared/ depends on nothing in main.' }] },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox.' },
            { group: ['**/src-main/core/**', '**/src-main/api/**', '**/src-main/shell/**', '**/src-main/bridge/**', '**/src-main/cli/**'], message: 'The renderer reaches main only through the API contract (lib/api.ts).' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
