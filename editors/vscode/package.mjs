// Packages the extension once per platform: for each target, the `timeline` server published for that platform
// alone (self-contained, one file, trimmed), the bundled extension, and `vsce package --target`, giving
// timeline-<target>.vsix. Targets: TIMELINE_TARGETS (VS Code's names or .NET's), by default every platform here.
//   TIMELINE_TARGETS=linux-x64,win32-x64 npm run package
import { execFileSync } from 'child_process';
import { rmSync, statSync } from 'fs';

/** VS Code's platform names and .NET's runtime identifiers for them. */
const platforms = {
  'linux-x64': 'linux-x64', 'linux-arm64': 'linux-arm64', 'alpine-x64': 'linux-musl-x64',
  'win32-x64': 'win-x64', 'win32-arm64': 'win-arm64', 'darwin-x64': 'osx-x64', 'darwin-arm64': 'osx-arm64',
};
const byRid = Object.fromEntries(Object.entries(platforms).map(([target, rid]) => [rid, target]));
const asked = (process.env.TIMELINE_TARGETS || 'linux-x64,win32-x64,darwin-arm64').split(',').map(t => t.trim()).filter(Boolean);
const targets = asked.map(t => (platforms[t] ? t : byRid[t] ?? t));
for (const t of targets) if (!platforms[t]) throw new Error(`unknown target '${t}': one of ${Object.keys(platforms).join(', ')}`);
const limit = 40 * 1024 * 1024;

execFileSync('node', ['build.mjs'], { stdio: 'inherit' });
const made = [];
for (const target of targets) {
  const rid = platforms[target];
  rmSync('server', { recursive: true, force: true });
  try {
    // One file with its runtime, trimmed in part: the editor profile (src/Timeline.Cli/Properties/PublishProfiles/editor.pubxml).
    execFileSync('dotnet', ['publish', '../../src/Timeline.Cli', '-c', 'Release', '-r', rid, '-p:PublishProfile=editor',
      '-o', `server/${rid}`, '-nologo', '-v', 'quiet'], { stdio: 'inherit' });
  } catch (e) {
    // A platform whose runtime pack this machine's NuGet cannot give is skipped; the one the drive runs is required.
    if (target === 'linux-x64') throw e;
    console.log(`skipped ${target}: its server could not be published here`);
    continue;
  }
  const out = `timeline-${target}.vsix`;
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--target', target, '-o', out],
    { stdio: 'inherit' });
  const size = statSync(out).size;
  made.push(`${out}: ${(size / 1024 / 1024).toFixed(1)} MB`);
  if (size > limit) throw new Error(`${out} is ${(size / 1024 / 1024).toFixed(1)} MB, over the 40 MB a platform's package may take`);
}
rmSync('server', { recursive: true, force: true });
console.log(made.join('\n'));
