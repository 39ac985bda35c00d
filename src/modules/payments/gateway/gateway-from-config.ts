import type { Config } from '../../../config.ts';
import { createNationalPlatformGateway } from './national-platform-gateway.ts';
import type { PaymentGateway } from './payment-gateway.ts';
import { createVnpayGateway } from './vnpay-gateway.ts';

/** The configured gateway, or undefined when online payment is off (no PAYMENT_GATEWAY_URL and no simulator). */
export function gatewayFromConfig(config: Config): PaymentGateway | undefined {
  const { PAYMENT_GATEWAY_URL: paymentUrl, PAYMENT_GATEWAY_API_URL: apiUrl, PAYMENT_MERCHANT_CODE: code, PAYMENT_HASH_SECRET: secret } = config;
  if (!paymentUrl || !apiUrl || !code || !secret) return undefined;
  return config.PAYMENT_GATEWAY === 'national-platform'
    ? createNationalPlatformGateway({ paymentUrl, apiUrl, merchantCode: code, secret })
    : createVnpayGateway({ paymentUrl, apiUrl, tmnCode: code, hashSecret: secret });
}
