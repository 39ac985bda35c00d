import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';
import { t } from '../i18n/messages.ts';
import { toFieldErrors } from '../validation/validator.ts';
import { problemType, sendProblem } from './problem.ts';
import { requestLang } from './request-lang.ts';

export type ErrorPageRenderer = (request: FastifyRequest, reply: FastifyReply, error: AppError) => FastifyReply | Promise<FastifyReply>;

const wantsJson = (request: FastifyRequest) => request.url.startsWith('/api/') || request.url === '/healthz' || request.url === '/readyz';

/**
 * Turns every failure into either a JSON problem document (API) or a page in the portal's style (browsers).
 * Unexpected errors are logged with their stack and shown only as a generic message, never a trace.
 */
export function installErrorHandling(app: FastifyInstance, renderErrorPage: ErrorPageRenderer): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const lang = requestLang(request);
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') appError = new AppError('csrfInvalid');
    else if (error.validation) appError = new AppError('validationFailed', toFieldErrors(error.validation as never, lang, `/${error.validationContext ?? 'body'}`));
    else if (error.statusCode === 429) appError = new AppError('rateLimited');
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) appError = new AppError(error.statusCode === 404 ? 'notFound' : 'validationFailed');
    else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('internal');
    }
    if (appError.status === 429 && error.statusCode === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
    if (wantsJson(request)) {
      return sendProblem(reply, {
        type: problemType(appError.code), title: t(lang, appError.messageKey, appError.params), status: appError.status, code: appError.code,
        instance: request.url, ...(appError.fieldErrors.length ? { errors: appError.fieldErrors } : {}),
      });
    }
    reply.code(appError.status);
    return renderErrorPage(request, reply, appError);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const error = new AppError('notFound');
    if (wantsJson(request)) {
      const lang = requestLang(request);
      return sendProblem(reply, { type: problemType(error.code), title: t(lang, error.messageKey), status: 404, code: error.code, instance: request.url });
    }
    reply.code(404);
    return renderErrorPage(request, reply, error);
  });
}
