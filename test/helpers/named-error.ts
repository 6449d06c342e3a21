import type { TRPCError } from '@trpc/server';
import { AppError } from '@/server/errors';

/**
 * A refusal's message with the field it names in front, the way zod failures already read
 * ("participantId: This developer is archived…"), so a test can check both at once.
 */
export function namedMessage(error: TRPCError): string {
  const field = error.cause instanceof AppError ? error.cause.field : undefined;
  return field && !error.message.startsWith(`${field}: `) ? `${field}: ${error.message}` : error.message;
}
