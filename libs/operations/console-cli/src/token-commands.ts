import { userInfo } from 'node:os';
import {
  isRole,
  isScope,
  parseTokenTtl,
  SCOPE_ROLE,
  scopeAboveRole,
  TokenStore,
  type Role,
  type Scope,
} from '@lienthong/access';
import { Command, InvalidArgumentError } from 'commander';
import type { CliContext } from './cli-context';

interface NewToken {
  name: string;
  role: Role;
  ttl?: string;
  scope: Scope[];
}

/** `token create|revoke|ls`: console tokens (admin), and the first admin token on the host. */
export function addTokenCommands(program: Command, { io, env, client, print }: CliContext): void {
  const token = program.command('token').description('console tokens (admin)');
  token
    .command('create')
    .description('a new token, shown once; --local writes it to the database on this host (the first admin)')
    .requiredOption('--name <name>', 'who holds it')
    .requiredOption('--role <role>', 'viewer, operator or admin', (value) => {
      if (!isRole(value)) throw new InvalidArgumentError('viewer, operator or admin');
      return value;
    })
    .option(
      '--ttl <lifetime>',
      'how long it lives, e.g. 12h or 30d, at most 365d (default: 90d)',
      (value) => {
        if (parseTokenTtl(value) === undefined)
          throw new InvalidArgumentError('hours or days up to 365d, e.g. 30d');
        return value;
      },
    )
    .option(
      '--scope <scope>',
      'a permission beside the role, repeatable: pii:read (operator or admin) reveals personal data',
      (value: string, previous: Scope[]) => {
        if (!isScope(value)) throw new InvalidArgumentError('pii:read');
        return [...previous, value];
      },
      [] as Scope[],
    )
    .option('--local', 'on the host: straight into the database (DATABASE_URL), no token needed')
    .action(async (options: NewToken & { local?: boolean }) => {
      const below = scopeAboveRole(options.role, options.scope);
      if (below) throw new InvalidArgumentError(`${below} needs the ${SCOPE_ROLE[below]} role or above`);
      const created = options.local
        ? await createLocally(options, env)
        : await client().post<{ id: string; token: string; role: string; name: string; expiresAt: string }>(
            '/tokens',
            { name: options.name, role: options.role, ttl: options.ttl, scopes: options.scope },
          );
      print(created, () => {
        io.out(
          `token ${created.id} for ${created.name} (${created.role}), valid until ${created.expiresAt}; shown once, keep it safe:`,
        );
        io.out(created.token);
      });
    });
  token
    .command('revoke <id>')
    .description('revoke a token')
    .action(async (id: string) => {
      const answer = await client().delete<{ id: string }>(`/tokens/${encodeURIComponent(id)}`);
      print(answer, () => io.out(`token ${answer.id} revoked`));
    });
  token
    .command('ls')
    .description('every token (never the token itself)')
    .action(async () => {
      const { tokens } = await client().get<{ tokens: object[] }>('/tokens');
      print(tokens, () => io.table(tokens));
    });
}

/**
 * The first admin token, on the host: straight into the database, audited as the host user. The token
 * and its audit row are written in one transaction: neither exists without the other.
 */
async function createLocally(options: NewToken, env: NodeJS.ProcessEnv) {
  const host = `host:${userInfo().username}`;
  // Loaded here only: the database and the brokers are not what the other commands start with.
  const { withHostAudit } = await import('./on-host');
  return withHostAudit(env, async (audit, database, anchor) => {
    await Promise.all([database.prepare(), anchor.start()]);
    return database.transaction(async (transaction) => {
      const created = await new TokenStore(database).create(options.name, options.role, host, {
        ttlMs: options.ttl === undefined ? undefined : parseTokenTtl(options.ttl),
        within: transaction,
        scopes: options.scope,
      });
      await audit.appendWithin(transaction, {
        actor: host,
        role: 'host',
        action: 'token.create',
        target: `token/${options.name}`,
        parameters: {
          name: options.name,
          role: options.role,
          ttl: options.ttl ?? null,
          scopes: options.scope,
          local: true,
        },
        result: 'ok',
        detail: { id: created.id, expiresAt: created.expiresAt },
      });
      return created;
    });
  });
}
