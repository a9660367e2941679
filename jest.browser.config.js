/**
 * The browser end-to-end test (`npm run test:browser`): headless Chromium drives the
 * Microsoft 365 Agents Playground against the built bot. Kept out of `npm test`
 * (jest.config.js) because it needs Chromium and takes longer; `.ci/run` runs both.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  transform: {
    '^.+\\.[tj]sx?$': ['ts-jest', { isolatedModules: true, tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno)/)'],
  testTimeout: 180000,
  globalSetup: '<rootDir>/test/setup/tempRoot.js',
  globalTeardown: '<rootDir>/test/setup/removeTempRoot.js',
};
