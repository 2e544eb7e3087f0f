// Entry point @vscode/test-electron loads in the extension host: runs the mocha suite.
// `run({ log })` (used by the e2e harness's in-host runner) sends the reporter's lines to `log`.
const path = require('node:path');
const Mocha = require('mocha');

exports.run = function run(options = {}) {
  const mocha = new Mocha({ ui: 'bdd', color: !options.log && !process.env.PHI_GUARD_TEST_NO_COLOR, timeout: 60_000 });
  if (options.log) Mocha.reporters.Base.consoleLog = options.log;
  mocha.addFile(path.join(__dirname, 'extension.test.cjs'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, tests = 0 } = runner.stats ?? {};
      if (failures) reject(new Error(`${failures} of ${tests} test(s) failed`));
      else if (passes === 0) reject(new Error('no test ran'));
      else resolve({ passes, tests });
    });
  });
};
