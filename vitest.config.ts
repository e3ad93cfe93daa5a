import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // A hook may start the real server from the sources: seconds on a busy machine, not 10.
    hookTimeout: 30_000,
    // Two files at a time on the two cores CI has; each test owns its files, ports and folders.
    maxWorkers: 2,
  },
})
