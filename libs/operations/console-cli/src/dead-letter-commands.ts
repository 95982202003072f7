import type { DeadLetterListAnswer, HoldAnswer, ReplayAnswer } from '@lienthong/console';
import { Command, InvalidArgumentError } from 'commander';
import { date, positive, withProgress, type CliContext } from './cli-context';

const REPLAY_CHUNK = 100;

/** `dlq ls|show|replay|hold|unhold`: dead letters of the hub and every connector. */
export function addDeadLetterCommands(program: Command, context: CliContext): void {
  const { io, client, print } = context;
  const dlq = program.command('dlq').description('dead letters of the hub and every connector');
  const withFilters = (command: Command) =>
    command
      .option('--stage <stage>', 'hub or a connector')
      .option('--connector <name>', 'a connector')
      .option('--reason <code>', 'reason code')
      .option('--source <system>', 'source system')
      .option('--dossier <code>', 'dossier code')
      .option('--from <date>', 'dead-lettered at or after', date)
      .option('--to <date>', 'dead-lettered before', date);
  const filterOf = (options: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries({
        stage: options.stage,
        connector: options.connector,
        reason: options.reason,
        source: options.source,
        dossierCode: options.dossier,
        from: options.from,
        to: options.to,
      }).filter(([, value]) => value !== undefined),
    );

  withFilters(dlq.command('ls'))
    .description('list dead letters, newest first')
    .option('--replayed', 'only replayed ones')
    .option('--not-replayed', 'only ones not replayed yet')
    .option('--limit <n>', 'most rows', positive, 50)
    .action(async (options: Record<string, unknown>) => {
      const replayed = options.replayed ? true : options.notReplayed ? false : undefined;
      const { deadLetters } = await client().get<DeadLetterListAnswer>('/dead-letters', {
        ...filterOf(options),
        replayed,
        limit: options.limit,
      });
      print(deadLetters, () => {
        if (deadLetters.length === 0) return io.out('no dead letters match');
        io.table(
          deadLetters.map((letter) => ({
            id: letter.id,
            stage: letter.stage,
            reason: letter.reason,
            source: letter.sourceSystem ?? '',
            dossier: letter.dossierCode ?? '',
            'failed at': letter.failedAt,
            replayed: letter.replayedAt ?? '',
            held: letter.held ? 'held' : '',
          })),
        );
      });
    });

  dlq
    .command('show <id>')
    .description('one dead letter: decoded with personal data masked, every header, its history')
    .action(async (id: string) => {
      const letter = await client().get<Record<string, unknown>>(`/dead-letters/${encodeURIComponent(id)}`);
      print(letter, () => {
        const { headers, decoded, valueText, history, ...rest } = letter;
        const summary = Object.fromEntries(Object.entries(rest).filter(([name]) => name !== 'valueBase64'));
        io.table([summary]);
        io.out('headers:');
        io.table(Object.entries(headers as Record<string, string>).map(([name, value]) => ({ name, value })));
        io.out(
          decoded
            ? `decoded${letter.masked ? ' (personal data masked)' : ''}:\n${JSON.stringify(decoded, null, 2)}`
            : valueText === undefined
              ? 'not JSON or XML; its bytes are shown only in a reveal of its dossier'
              : `bytes (UTF-8):\n${String(valueText)}`,
        );
        if ((history as unknown[]).length > 0) io.out(`history:\n${JSON.stringify(history, null, 2)}`);
      });
    });

  withFilters(dlq.command('replay [ids...]'))
    .description('replay dead letters by id, or --all matching the filters (not yet replayed)')
    .option('--all', 'every dead letter matching the filters')
    .option('--reason-text <text>', 'why (kept in the audit log)')
    .action(async (ids: string[], options: Record<string, unknown>) => {
      const api = client();
      let selected: number[];
      if (ids.length > 0) {
        selected = ids.map((id) => positive(id));
      } else if (options.all) {
        const { deadLetters } = await api.get<DeadLetterListAnswer>('/dead-letters', {
          ...filterOf(options),
          replayed: false,
          limit: 10_000,
        });
        selected = deadLetters.map((letter) => letter.id).sort((a, b) => a - b);
      } else {
        throw new InvalidArgumentError('give dead-letter ids, or --all with filters');
      }
      if (selected.length === 0) {
        const nothing = {
          replayed: 0,
          ids: [],
          message: 'no dead letter matches the filter; nothing replayed',
        };
        return print(nothing, () => io.out(nothing.message));
      }
      const answers: ReplayAnswer[] = [];
      await withProgress(context, 'replaying dead letters', async (onProgress) => {
        // A bar only when the replay takes more than one call.
        const report = selected.length > REPLAY_CHUNK ? onProgress : () => undefined;
        report(0, selected.length);
        for (let start = 0; start < selected.length; start += REPLAY_CHUNK) {
          answers.push(
            await api.post<ReplayAnswer>('/dead-letters/replay', {
              ids: selected.slice(start, start + REPLAY_CHUNK),
              ...(options.reasonText ? { reason: options.reasonText } : {}),
            }),
          );
          report(Math.min(start + REPLAY_CHUNK, selected.length), selected.length);
        }
      });
      const replayed = answers.reduce((sum, answer) => sum + answer.replayed, 0);
      const result = {
        replayed,
        replayIds: answers.flatMap((answer) => (answer.replayId ? [answer.replayId] : [])),
        ids: selected,
        alreadyReplayed: answers.flatMap((answer) => answer.alreadyReplayed),
        refused: answers.flatMap((answer) => answer.refused),
      };
      print(result, () => {
        io.out(`replayed ${replayed} dead letter(s): replay ${result.replayIds.join(', ') || 'none'}`);
        if (result.alreadyReplayed.length > 0)
          io.out(`already replayed, not sent again: ${result.alreadyReplayed.join(', ')}`);
        for (const { id, reason } of result.refused) io.out(`refused ${id}: ${reason}`);
      });
    });

  for (const [verb, held] of [
    ['hold', true],
    ['unhold', false],
  ] as const) {
    dlq
      .command(`${verb} <id>`)
      .description(
        held
          ? 'keep a dead letter past DLQ_RETENTION_DAYS until it is released'
          : 'let a held dead letter go with the others after DLQ_RETENTION_DAYS',
      )
      .option('--reason <text>', 'why (kept in the audit log)')
      .action(async (id: string, options: { reason?: string }) => {
        const answer = await client().post<HoldAnswer>(
          `/dead-letters/${positive(id)}/${verb}`,
          options.reason ? { reason: options.reason } : {},
        );
        print(answer, () => io.out(`dead letter ${answer.id}: ${answer.held ? 'held' : 'not held'}`));
      });
  }
}
