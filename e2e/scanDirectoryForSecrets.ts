import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type SecretFinding = {
  readonly file: string;
  readonly secret: string;
  readonly encoding: 'utf8' | 'utf16le';
};

/**
 * Reads every file under `directory` (a Chromium profile) and reports each secret found in it,
 * as UTF-8 or UTF-16 text. Files that vanish while we read (Chromium is writing) are skipped.
 */
export function scanDirectoryForSecrets(
  directory: string,
  secrets: readonly string[],
): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const needles = secrets.flatMap((secret) =>
    (['utf8', 'utf16le'] as const).map((encoding) => ({
      secret,
      encoding,
      bytes: Buffer.from(secret, encoding),
    })),
  );
  for (const file of listFiles(directory)) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      continue;
    }
    for (const { secret, encoding, bytes } of needles) {
      if (content.includes(bytes)) findings.push({ file, secret, encoding });
    }
  }
  return findings;
}

function listFiles(directory: string): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(directory, name);
    try {
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    } catch {
      return [];
    }
  });
}
