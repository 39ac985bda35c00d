import type { JobDefinition } from '../../jobs.ts';
import { createFileStore } from './create-file-store.ts';
import { sweepOrphanFiles } from './sweep-orphan-files.ts';

/** Nightly at 02:40 Vietnam time, when nobody uploads: objects no row refers to, older than a day, go. */
export const sweepOrphanFilesJob: JobDefinition = {
  name: 'files.sweep-orphans',
  cron: '40 2 * * *',
  async handle(_data, context) {
    const swept = await sweepOrphanFiles({ db: context.db, store: createFileStore(context.config), now: new Date() });
    context.log.info({ swept }, 'orphan files swept');
  },
};
