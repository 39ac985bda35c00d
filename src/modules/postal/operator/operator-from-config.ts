import type { Config } from '../../../config.ts';
import { httpPostalOperator, type PostalOperator } from './postal-operator.ts';

/** The configured postal operator, or undefined when the post is off (no POST_OPERATOR_URL). */
export function operatorFromConfig(config: Config): PostalOperator | undefined {
  if (!config.POST_OPERATOR_URL || !config.POST_API_TOKEN || !config.POST_WEBHOOK_SECRET) return undefined;
  return httpPostalOperator({ url: config.POST_OPERATOR_URL, token: config.POST_API_TOKEN, webhookSecret: config.POST_WEBHOOK_SECRET });
}
