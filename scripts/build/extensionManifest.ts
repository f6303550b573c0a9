import { readFileSync } from 'node:fs';
import type { ManifestV3Export } from '@crxjs/vite-plugin';

type PackageJson = { version: string };

/** manifest.json with the version taken from package.json, so the two never drift. */
export function readExtensionManifest(): ManifestV3Export {
  const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
  // manifest.json is ours and checked by the build; crxjs validates its shape.
  const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
  return { ...manifest, version: packageJson.version } as ManifestV3Export;
}
