import { describe, expect, it } from 'vitest';
import { compileContract } from './compileContract.ts';
import { SolidityCompileError } from './SolidityCompileError.ts';

describe('compileContract', () => {
  it('resolves @openzeppelin/contracts imports from node_modules', () => {
    const { abi, bytecode } = compileContract({
      sourceName: 'Probe.sol',
      source: `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
contract Probe is ERC20 { constructor() ERC20("Probe", "PRB") {} }`,
      contractName: 'Probe',
    });
    expect(abi.some((entry) => entry.type === 'function' && entry.name === 'transfer')).toBe(true);
    expect(bytecode.startsWith('0x60')).toBe(true);
  });

  it('throws contracts/compile-failed listing every compiler error', () => {
    const error: unknown = (() => {
      try {
        compileContract({
          sourceName: 'Broken.sol',
          source: `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
contract Broken { function f() public { undefinedA(); undefinedB(); } }`,
          contractName: 'Broken',
        });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SolidityCompileError);
    expect(error).toMatchObject({ code: 'contracts/compile-failed' });
    const { errors } = (error as SolidityCompileError).details as { errors: string };
    expect(errors).toContain('undefinedA');
    expect(errors).toContain('undefinedB');
  });

  it('refuses imports from outside @openzeppelin/contracts', () => {
    expect(() =>
      compileContract({
        sourceName: 'Escape.sol',
        source: `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import "@openzeppelin/contracts/../../../package.json";
contract Escape {}`,
        contractName: 'Escape',
      }),
    ).toThrow(SolidityCompileError);
  });
});
