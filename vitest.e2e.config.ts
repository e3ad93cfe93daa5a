import { defineConfig } from 'vitest/config'

// The browser tests: real Chromium from Debian, one file at a time (two cores, one browser).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts', 'test/scan/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
