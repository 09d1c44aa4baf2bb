import { z } from 'zod';
import { getPublicModel } from '../../server/explore/public-model';
import { ProfileScopeError } from '../../server/explore/profile-scope';
import { storedProfile } from '../../server/explore/stored-profile';
import { CliError, parseFlags, type Command } from '../command';
import { formatFamilyTable } from '../eval-report';
import { openCliStore } from '../open-db';

const usage = `usage: sawtooth profile --model <id> [--suite <id>] [--run <id> ...] [--pool] [--json]

Prints a model's stored profile on one suite (default core): by default its latest completed run on that suite.
--run <id> (repeatable) names exactly the runs to use; --pool pools every completed run with the same suite version
and settings as the latest. Suites, suite versions and settings never pool. With --json: the profile as one JSON
object, exactly what \`sawtooth eval --json\` prints last and what the dashboard shows.`;

const FlagsSchema = z
  .object({
    model: z.string({ error: 'required (e.g. --model sawtooth-ctm)' }).min(1),
    suite: z.string().min(1).optional(),
    run: z.array(z.coerce.number({ error: 'must be a run id' }).int().positive('must be a run id')).optional(),
    pool: z.boolean().optional(),
    json: z.boolean().optional(),
  })
  .refine((f) => !(f.pool && f.run), { message: 'give either --run <id> ... or --pool, not both', path: ['pool'] });
const options = {
  model: { type: 'string' }, suite: { type: 'string' }, run: { type: 'string', multiple: true }, pool: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export const profileCommand: Command = {
  name: 'profile',
  summary: "print a model's stored profile on one suite (its latest completed run, or the runs named)",
  usage,
  async run(args, io) {
    const { flags } = parseFlags(args, options, FlagsSchema);
    const { store } = await openCliStore();
    let found;
    try {
      if (!(await getPublicModel(store, flags.model))) throw new CliError(`--model: unknown model "${flags.model}"`, 2);
      found = await storedProfile(store, { modelId: flags.model, suiteId: flags.suite, runIds: flags.run, pool: flags.pool });
    } catch (error) {
      if (error instanceof ProfileScopeError) throw new CliError(`--run: ${error.message}`, 2);
      throw error;
    } finally {
      await store.close();
    }
    if (!found) throw new CliError(`model "${flags.model}" has no completed run on suite "${flags.suite ?? 'core'}"`, 1);
    io.stdout(flags.json ? `${JSON.stringify(found.profile)}\n` : formatFamilyTable(found.profile));
    return 0;
  },
};
