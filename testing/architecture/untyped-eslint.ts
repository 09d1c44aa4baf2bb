import { ESLint } from 'eslint';

/**
 * ESLint with our config, minus the one type-aware rule: the architecture tests lint source text "as if" at paths that
 * do not exist, which TypeScript's project service cannot type (it would fail every fixture). The rules they check
 * (imports and syntax) need no types.
 */
export function untypedEslint(cwd: string): ESLint {
  return new ESLint({
    cwd,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off' },
    },
  });
}
