// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Configuration is read once in src/config.ts; everything else receives it.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through loadConfig(env) in src/config.ts.' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The answer engine must never depend on Discord.
    files: ['src/corpus/**', 'src/curation/**', 'src/fs/**', 'src/store/**', 'src/search/**', 'src/embeddings/**', 'src/answers/**', 'src/console/**', 'src/http/**', 'src/cli/**', 'src/cli.ts', 'src/config.ts', 'src/env.ts', 'src/log.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['discord.js', '@discordjs/*', 'discord-api-types', 'discord-api-types/*'], message: 'Only src/discord/ may import Discord packages.' }] }],
    },
  },
  {
    // The house has layers: corpus → search (with embeddings, the optional embedding service)
    // → answers → (discord | console | cli). The lower layers (and curation, which answers/
    // drives) never import a layer above them.
    files: ['src/corpus/**', 'src/search/**', 'src/embeddings/**', 'src/curation/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['discord.js', '@discordjs/*', 'discord-api-types', 'discord-api-types/*'], message: 'Only src/discord/ may import Discord packages.' },
            { group: ['**/answers/*', '**/discord/*', '**/console/*', '**/cli/*', '**/cli.js', '**/app.js', '**/main.js'], message: 'corpus/, search/, embeddings/ and curation/ sit below answers/ and the adapters: no arrow upward.' },
          ],
        },
      ],
    },
  },
  {
    // Entry points hand process.env to loadConfig; nothing else reads it.
    files: ['src/main.ts', 'src/cli.ts', 'src/discord/deploy.ts', 'test/**', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
