// Packs dist/extension into dist/tp-wallet-<version>.zip, the archive a store upload takes
// (manifest.json at the archive root).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

const extensionDir = 'dist/extension';
const { version } = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
  version: string;
};

const files: Record<string, Uint8Array> = {};
for (const path of listFiles(extensionDir)) {
  // Source maps help debugging locally; the store build leaves them out.
  if (path.endsWith('.map')) continue;
  files[relative(extensionDir, path).split(sep).join('/')] = readFileSync(path);
}
const archivePath = `dist/tp-wallet-${version}.zip`;
writeFileSync(archivePath, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
console.log(`${archivePath}: ${Object.keys(files).length} files`);

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
