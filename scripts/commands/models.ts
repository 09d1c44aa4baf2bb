import { z } from 'zod';
import { listAdminModels, ModelStoreError } from '../../server/models/model-store';
import { removeModel, renameModel } from '../../server/models/remove-model';
import { CliError, parseFlags, type Command, type CommandIO } from '../command';
import { didYouMean } from '../did-you-mean';
import { openCliStore } from '../open-db';
import type { Store } from '../../db/store';
import { plural } from '../plural';

const usage = `usage: sawtooth models list [--json]
       sawtooth models remove <id> --yes
       sawtooth models rename <id> <new name>

list    every stored model: id, where it came from (config, ui, cli, import), runs, name.
remove  deletes a model with all its runs and results (it leaves every page, profile and export). Needs --yes.
        Models from sawtooth.config.json are removed from that file instead.
rename  changes a model's display name; its id stays.`;

const ACTIONS = ['list', 'remove', 'rename'] as const;

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ModelStoreError) throw new CliError(error.message);
    throw error;
  }
}

export const modelsCommand: Command = {
  name: 'models',
  summary: 'list, remove or rename stored models',
  usage,
  async run(args, io) {
    const { flags, positionals } = parseFlags(args, { json: { type: 'boolean' }, yes: { type: 'boolean' } }, z.object({ json: z.boolean().optional(), yes: z.boolean().optional() }), true);
    const [action, id, ...rest] = positionals;
    if (!action || !(ACTIONS as readonly string[]).includes(action)) {
      throw new CliError(action ? `unknown action "${action}"${didYouMean(action, ACTIONS) || ` (use ${ACTIONS.join(', ')})`}` : `give an action: ${ACTIONS.join(', ')}`, 2);
    }
    const { store } = await openCliStore();
    try {
      return await act(store, action, id, rest, flags, io);
    } finally {
      await store.close();
    }
  },
};

/** One action on the stored models. */
async function act(store: Store, action: string, id: string | undefined, rest: string[], flags: { json?: boolean; yes?: boolean }, io: CommandIO): Promise<number> {
  if (action === 'list') {
    const models = await listAdminModels(store);
    if (flags.json) io.stdout(`${JSON.stringify(models.map(({ id: modelId, label, origin, runs, baseUrl, modelName }) => ({ id: modelId, label, origin, runs, baseUrl, modelName })))}\n`);
    else for (const m of models) io.stdout(`${m.id.padEnd(32)}  ${m.origin.padEnd(6)}  ${plural(m.runs, 'run').padStart(8)}  ${m.label}\n`);
    return 0;
  }
  if (!id) throw new CliError(`${action}: give a model id (\`sawtooth models list\` lists them)`, 2);
  if (action === 'remove') {
    if (rest.length > 0) throw new CliError(`remove: unexpected argument "${rest[0]}"`, 2);
    if (!flags.yes) throw new CliError(`remove: this deletes model "${id}" with all its runs and results; add --yes to confirm`, 2);
    const removed = await guarded(() => removeModel(store, id));
    io.stdout(`removed model ${id}: ${plural(removed.runs, 'run')}, ${plural(removed.results, 'result')}\n`);
    return 0;
  }
  const name = rest.join(' ').trim();
  if (!name) throw new CliError('rename: give the new name, e.g. `sawtooth models rename my-model "GPT-4o mini (work)"`', 2);
  await guarded(() => renameModel(store, id, name));
  io.stdout(`renamed model ${id} to "${name}"\n`);
  return 0;
}
