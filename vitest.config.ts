import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code as *.test.ts; e2e/ is Playwright's.
export default defineConfig({
  test: {
    include: ['{extension,widget,shared,provider,scripts}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
