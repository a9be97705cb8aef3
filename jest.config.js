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
    // @fastify/static (CommonJS) requires the ESM-only content-disposition; Jest's
    // module system cannot, so that one package is compiled to CommonJS here.
    '/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      {
        useESM: false,
        tsconfig: {
          allowJs: true,
          module: 'commonjs',
          moduleResolution: 'node10',
          isolatedModules: true,
          ignoreDeprecations: '6.0',
        },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30_000,
};
