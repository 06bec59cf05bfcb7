// `npm run setup`: install dependencies, build the demo packets and the demo hub's template.
// Electron's binary is skipped because its download host may be unreachable; browser mode needs
// no binary.
import { execSync } from 'node:child_process';

const run = (command, env = {}) => execSync(command, { stdio: 'inherit', env: { ...process.env, ...env } });
run('npm install --no-audit --no-fund', { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
run('npm run -s anchor -- demo --out demo-packets');
// The local demo hub's seeded template (.cache/): every demo hub start is then a copy, ~1 s.
run('npm run -s anchor -- demo hub-template');
console.log(
  '\nSet up. Run "npm run web -- --demo" and open the printed link (Hub screen → "Start a local demo hub",' +
    ' or import packets from demo-packets/). Test with "npm test".',
);
