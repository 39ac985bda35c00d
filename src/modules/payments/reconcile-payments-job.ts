import type { JobDefinition } from '../../jobs.ts';
import { gatewayFromConfig } from './gateway/gateway-from-config.ts';
import { reconcilePayments } from './reconcile-payments.ts';

/** Daily at 01:30 Vietnam time: compare yesterday's gateway orders with the gateway (issue 5 §2). */
export const reconcilePaymentsJob: JobDefinition = {
  name: 'payments.reconcile',
  cron: '30 1 * * *',
  async handle(_data, context) {
    const gateway = gatewayFromConfig(context.config);
    if (!gateway) return;
    const summary = await reconcilePayments(context.db, gateway, new Date());
    context.log.info({ summary }, 'payments reconciled with the gateway');
  },
};
