// Test files are TypeScript, loaded through tsx. Global fixtures start FerretDB and stripe-mock once.
// Files named on the command line run alone; otherwise the whole suite runs.
const namesFiles = process.argv.slice(2).some((a) => /\.test\.ts$/.test(a) || a === '--spec');
module.exports = {
  'node-option': ['import=tsx'],
  extension: ['ts'],
  ...(namesFiles ? {} : { spec: ['test/**/*.test.ts'] }),
  require: ['test/fixtures/global.ts'],
  timeout: 20000,
  exit: true,
  // Under CI a stray `.only` would quietly run a fraction of the suite: refuse it.
  forbidOnly: process.env.CI === 'true',
};
