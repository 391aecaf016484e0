import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The fault suite (`npm run test:faults`): slow, thorough runs kept out of `npm test`.
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/faults/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
