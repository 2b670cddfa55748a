import type { NextFunction, Request, Response } from 'express';
import { TRANSPORT_MESSAGES } from '../errors/error-messages';
import { preferredLanguage } from '../errors/language';

/**
 * Express error middleware for bodies over the limit (and unreadable JSON): answered in the shape
 * of a GraphQL error with a stable code, instead of the framework's HTML or a 500.
 */
export function refuseOversizedBodies(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: unknown } | undefined)?.type;
  const language = preferredLanguage(req.headers['accept-language']);
  if (type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: TRANSPORT_MESSAGES.PAYLOAD_TOO_LARGE[language], extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    return;
  }
  if (type === 'entity.parse.failed') {
    res.status(400).json({
      errors: [
        {
          message: language === 'fr' ? "Le corps de la requête n'est pas du JSON valide." : 'The request body is not valid JSON.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    return;
  }
  next(error);
}
