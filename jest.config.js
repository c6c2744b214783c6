/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  transform: {
    // Type checking is `npm run typecheck`; tests only transpile, which keeps them fast.
    '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
  },
  testTimeout: 60000,
};
