import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    // The CLI and console tests spawn the built program; the fake-Discord tests open sockets.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
