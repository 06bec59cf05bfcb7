// `npm run setup`: install dependencies and build the demo packets. Electron's binary is
// skipped because its download host may be unreachable; browser mode needs no binary.
import { execSync } from 'node:child_process';

const run = (command, env = {}) => execSync(command, { stdio: 'inherit', env: { ...process.env, ...env } });
run('npm install --no-audit --no-fund', { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
run('npm run -s anchor -- demo --out demo-packets');
console.log('\nSet up. Run "npm run web" and open the printed link; import packets from demo-packets/.');
