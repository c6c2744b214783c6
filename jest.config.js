/** @type {import('jest').Config} */
const base = {
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
};

/**
 * Everything runs against the fake as current Microsoft 365; the Office.js tests (test/excel) run a
 * second time as Excel 2021, the oldest Excel the manifest admits (src/excel/testing/fake-hosts.ts).
 */
module.exports = {
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'Microsoft 365' },
    {
      ...base,
      displayName: 'Excel 2021',
      roots: ['<rootDir>/test/excel'],
      setupFiles: ['<rootDir>/test/support/excel-2021.js'],
    },
  ],
};
