/**
 * Compiles one Solidity contract with solc-js (the `solc` npm package, bundled compiler, offline).
 * Imports resolve only inside node_modules/@openzeppelin/contracts; anything else is refused.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, isAbsolute } from 'node:path';
import type { Abi, Hex } from 'viem';
import { SolidityCompileError } from './SolidityCompileError.ts';

export type CompileContractParameters = {
  /** The source unit name solc reports errors against, e.g. `scripts/contracts/TestToken.sol`. */
  sourceName: string;
  source: string;
  contractName: string;
};

export type CompileContractReturnType = {
  abi: Abi;
  bytecode: Hex;
};

export type CompileContractErrorType = SolidityCompileError | Error;

// compileTestToken hashes this file into its cache key, so editing the settings rebuilds.
const compileContractSettings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'prague',
} as const;

type SolcImportResult = { contents: string } | { error: string };
type Solc = {
  compile: (input: string, callbacks: { import: (path: string) => SolcImportResult }) => string;
};
type SolcOutput = {
  errors?: { severity: string; formattedMessage?: string; message: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
};

const openZeppelinPrefix = '@openzeppelin/contracts/';

export function compileContract({
  sourceName,
  source,
  contractName,
}: CompileContractParameters): CompileContractReturnType {
  const require = createRequire(import.meta.url);
  // Loaded on demand: requiring solc's emscripten bundle alone takes ~0.4 s.
  const solc = require('solc') as Solc;
  const openZeppelinRoot = dirname(require.resolve('@openzeppelin/contracts/package.json'));

  const readImport = (path: string): SolcImportResult => {
    if (!path.startsWith(openZeppelinPrefix)) {
      return { error: `only ${openZeppelinPrefix}… imports are available` };
    }
    const file = join(openZeppelinRoot, path.slice(openZeppelinPrefix.length));
    const inside = relative(openZeppelinRoot, file);
    if (inside.startsWith('..') || isAbsolute(inside))
      return { error: 'import escapes its package' };
    try {
      return { contents: readFileSync(file, 'utf8') };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };

  const input = {
    language: 'Solidity',
    sources: { [sourceName]: { content: source } },
    settings: {
      ...compileContractSettings,
      outputSelection: { [sourceName]: { [contractName]: ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(
    solc.compile(JSON.stringify(input), { import: readImport }),
  ) as SolcOutput;

  const errors = (output.errors ?? [])
    .filter((entry) => entry.severity === 'error')
    .map((entry) => entry.formattedMessage ?? entry.message);
  const contract = output.contracts?.[sourceName]?.[contractName];
  if (errors.length > 0 || contract === undefined) {
    throw new SolidityCompileError({
      contract: `${sourceName}:${contractName}`,
      errors: errors.length > 0 ? errors : [`${contractName} not found in ${sourceName}`],
    });
  }
  return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}
