import { TpError } from '../../shared/errors/TpError.ts';

export class UnsupportedDatabaseUrlError extends TpError {
  override name = 'UnsupportedDatabaseUrlError';
  constructor({ scheme }: { scheme: string }) {
    super({
      code: 'database/unsupported-url',
      shortMessage: 'DATABASE_URL must start with postgres:// or postgresql://.',
      // Only the scheme: the rest of the URL may hold a password.
      details: { scheme },
    });
  }
}

export class InvalidMigrationNameError extends TpError {
  override name = 'InvalidMigrationNameError';
  constructor({ migration, reason }: { migration: string; reason: string }) {
    super({
      code: 'database/invalid-migration-name',
      shortMessage: `Migration "${migration}" is misnamed: ${reason}.`,
      details: { migration, expected: 'NNNN_lowercase_words.sql, numbers unique' },
    });
  }
}

export class MigrationFailedError extends TpError {
  override name = 'MigrationFailedError';
  constructor({ migration, cause }: { migration: string; cause: unknown }) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super({
      code: 'database/migration-failed',
      shortMessage: `migration ${migration} failed (${reason}); none of this run was applied`,
      details: { migration, reason },
      cause,
    });
  }
}

export class DatabaseUnreachableError extends TpError {
  override name = 'DatabaseUnreachableError';
  constructor({ kind, cause }: { kind: string; cause: unknown }) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super({
      code: 'database/unreachable',
      shortMessage: `cannot reach the database (${kind}): ${reason}`,
      details: { kind, reason },
      cause,
    });
  }
}

export class InvalidChannelNameError extends TpError {
  override name = 'InvalidChannelNameError';
  constructor({ channel }: { channel: string }) {
    super({
      code: 'database/invalid-channel-name',
      shortMessage: `"${channel}" is not a channel name: lowercase letters, digits and "_" only.`,
      details: { channel, expected: '^[a-z_][a-z0-9_]{0,62}$' },
    });
  }
}
