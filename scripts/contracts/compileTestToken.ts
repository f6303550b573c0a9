/**
 * TestToken.sol → { abi, bytecode }, cached in memory and on disk under .data/contracts/ (the key
 * hashes the sources, the compile settings and the solc and OpenZeppelin versions), so only the
 * first start after a change pays for solc (~2 s).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';
import { AbiDriftError } from './AbiDriftError.ts';
import { compileContract } from './compileContract.ts';
import type { SolidityCompileError } from './SolidityCompileError.ts';
import { testTokenAbi } from './testTokenAbi.ts';

export type CompileTestTokenParameters = {
  /** false: always run solc, and neither read nor write any cache (for tests). Default true. */
  isCacheEnabled?: boolean;
};

export type CompileTestTokenReturnType = {
  abi: typeof testTokenAbi;
  bytecode: Hex;
};

export type CompileTestTokenErrorType = SolidityCompileError | AbiDriftError | Error;

const sourceName = 'scripts/contracts/TestToken.sol';
const contractName = 'TestToken';
let compiledInMemory: CompileTestTokenReturnType | undefined;

export function compileTestToken({
  isCacheEnabled = true,
}: CompileTestTokenParameters = {}): CompileTestTokenReturnType {
  if (isCacheEnabled && compiledInMemory !== undefined) return compiledInMemory;

  const source = readFileSync(new URL('./TestToken.sol', import.meta.url), 'utf8');
  const cacheFile = isCacheEnabled
    ? join(repoRoot(), '.data', 'contracts', `${contractName}-${cacheKey(source)}.json`)
    : undefined;

  let compiled = cacheFile === undefined ? undefined : readCache(cacheFile);
  if (compiled === undefined) {
    const { abi, bytecode } = compileContract({ sourceName, source, contractName });
    compiled = { abi: withoutInternalTypes(abi), bytecode };
    if (cacheFile !== undefined) writeCache(cacheFile, compiled);
  }
  assertSameAbi(compiled.abi);
  const result = {
    abi: compiled.abi as unknown as typeof testTokenAbi,
    bytecode: compiled.bytecode,
  };
  if (isCacheEnabled) compiledInMemory = result;
  return result;
}

type CachedArtifact = { abi: Abi; bytecode: Hex };

function cacheKey(source: string): string {
  const require = createRequire(import.meta.url);
  const versionOf = (name: string): string =>
    (require(`${name}/package.json`) as { version: string }).version;
  return createHash('sha256')
    .update(
      JSON.stringify([
        source,
        readFileSync(new URL('./compileContract.ts', import.meta.url), 'utf8'),
        versionOf('solc'),
        versionOf('@openzeppelin/contracts'),
      ]),
    )
    .digest('hex')
    .slice(0, 16);
}

function readCache(file: string): CachedArtifact | undefined {
  try {
    const artifact = JSON.parse(readFileSync(file, 'utf8')) as Partial<CachedArtifact>;
    if (!Array.isArray(artifact.abi) || typeof artifact.bytecode !== 'string') return undefined;
    if (!/^0x(?:[0-9a-f]{2})+$/i.test(artifact.bytecode)) return undefined;
    return { abi: artifact.abi, bytecode: artifact.bytecode };
  } catch {
    return undefined;
  }
}

function writeCache(file: string, artifact: CachedArtifact): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const temporary = `${file}.${String(process.pid)}.tmp`;
    writeFileSync(temporary, JSON.stringify(artifact));
    renameSync(temporary, file);
  } catch {
    // The disk cache only saves time; failing to write it must not fail the build.
  }
}

function repoRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

/** solc adds `internalType` (Solidity-level names) that viem does not use; drop it. */
function withoutInternalTypes(abi: Abi): Abi {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'internalType')
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  return strip(abi) as Abi;
}

function assertSameAbi(compiledAbi: Abi): void {
  const canonical = (entry: unknown): string =>
    JSON.stringify(entry, (_key, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
        : value,
    );
  const compiled = new Set(compiledAbi.map(canonical));
  const typed = new Set(testTokenAbi.map(canonical));
  const missing = [...compiled].filter((entry) => !typed.has(entry));
  const unexpected = [...typed].filter((entry) => !compiled.has(entry));
  if (missing.length > 0 || unexpected.length > 0) {
    throw new AbiDriftError({ contract: contractName, missing, unexpected });
  }
}
