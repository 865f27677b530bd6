import { defineConfig } from 'vitest/config';

export const vitestConfig = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration suites each boot emulators; two cores cannot run many at once.
    maxWorkers: 2,
    env: { TMPDIR: `${process.cwd()}/.tmp` },
  },
});

export default vitestConfig;
