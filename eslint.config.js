// One lint setup for every part: strict typed rules, Lit's template rules for UI code,
// and import fences that keep key material out of UI, content and inpage code.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

const keyFence = {
  group: ['**/background/vault/**', '**/background/keyring/**'],
  message: 'Key material lives only in the service worker.',
};
const walletFence = {
  group: ['**/widget/**'],
  message: 'The wallet talks to sites only through EIP-1193 / EIP-6963.',
};
const widgetFence = {
  group: ['**/extension/**'],
  message: 'The widget talks to wallets only through EIP-1193 / EIP-6963.',
};
/** @param {string[]} files @param {object[]} patterns */
function restrictImports(files, patterns) {
  return [{ files, rules: { 'no-restricted-imports': ['error', { patterns }] } }];
}

export default tseslint.config(
  {
    ignores: ['dist/**', '.data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tool configs (vite, playwright, vitest) must export default; our own modules never do.
    files: ['**/*.ts'],
    ignores: ['*.config.ts', 'e2e/globalSetup.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['widget/**/*.ts', 'extension/ui/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  ...restrictImports(['widget/**/*.ts'], [widgetFence]),
  ...restrictImports(['extension/background/**/*.ts'], [walletFence]),
  ...restrictImports(
    ['extension/ui/**/*.ts', 'extension/content/**/*.ts', 'extension/inpage/**/*.ts'],
    [walletFence, keyFence],
  ),
  {
    files: ['**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
