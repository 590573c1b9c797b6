// Publishes the `timeline` server the extension carries: linux-x64, and win-x64 and osx-arm64
// where this machine's NuGet can provide their runtime packs (each is skipped with a note otherwise).
import { execFileSync } from 'child_process';
import { rmSync } from 'fs';
const targets = (process.env.TIMELINE_TARGETS || 'linux-x64,win-x64,osx-arm64').split(',');
rmSync('server', { recursive: true, force: true });
for (const rid of targets) {
  try {
    execFileSync('dotnet', ['publish', '../../src/Timeline.Cli', '-c', 'Release', '-r', rid, '--self-contained', 'true',
      '-p:PublishSingleFile=true', '-p:IncludeNativeLibrariesForSelfExtract=true', '-p:DebugType=none', '-o', `server/${rid}`, '-nologo', '-v', 'quiet'],
      { stdio: 'inherit' });
    console.log(`published the server for ${rid}`);
  } catch (e) {
    if (rid === 'linux-x64') throw e;
    console.log(`skipped ${rid}: it could not be published here`);
  }
}
