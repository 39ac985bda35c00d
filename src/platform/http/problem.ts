import type { FastifyReply } from 'fastify';
import type { FieldError } from '../validation/validator.ts';

/** RFC 9457 problem document, with `code` (stable) and `errors` (field-level details) as extensions. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  errors?: FieldError[];
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

export function problemType(code: string): string {
  return `https://opendvc.vn/problems/${code}`;
}
