/**
 * Jest in ESM mode (run with --experimental-vm-modules) over the TypeScript sources.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  moduleNameMapper: {
    '^@app/(domain|platform|testing)$': '<rootDir>/libs/$1/src/index.ts',
    '^@app/(domain|platform|testing)/(.*)\\.js$': '<rootDir>/libs/$1/src/$2.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30_000,
  // Test files spend most of their time waiting on PostgreSQL, Redis and HTTP, so two
  // workers keep both cores busy; each worker has its own database (test/global-setup.js).
  maxWorkers: 2,
  // A worker that grew past this is replaced between files, instead of carrying every
  // earlier file's Nest applications to the end of the run.
  workerIdleMemoryLimit: '1GB',
};
