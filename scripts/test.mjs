// The README's test command (`npm test`): makes sure what the tests need is on the machine (Debian's docker-registry,
// skopeo and azure-cli), builds dist/ (the action and CLI end-to-end tests run the bundles), then runs the whole vitest suite.
// Never skips a test: a missing dependency that cannot be installed is a failure that says how to install it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const need = [
  { bin: '/usr/bin/docker-registry', pkg: 'docker-registry' },
  { bin: '/usr/bin/skopeo', pkg: 'skopeo' },
  { bin: '/usr/bin/az', pkg: 'azure-cli' },
];
const missing = need.filter((n) => !existsSync(n.bin));
if (missing.length) {
  const pkgs = missing.map((m) => m.pkg);
  const canApt = existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    console.error(`The tests need ${pkgs.join(', ')}. Install with: sudo apt-get install -y ${pkgs.join(' ')}`);
    process.exit(1);
  }
  console.error(`Installing ${pkgs.join(', ')} from Debian…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', '--silent', 'build']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
