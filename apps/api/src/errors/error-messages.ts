import { DOMAIN_ERROR_MESSAGES, type DomainErrorCode } from '#domain';

export type Language = 'fr' | 'en';
export interface LocalizedMessage {
  readonly fr: string;
  readonly en: string;
}

/**
 * What a person reads for each domain error code, French first (our users are French associations
 * and shops), lives beside the codes in libs/domain as a Record over every code: a new code does not
 * compile until it has its messages. `{name}` placeholders are filled from DomainError.params.
 */
export const ERROR_MESSAGES: Readonly<Record<DomainErrorCode, LocalizedMessage>> = DOMAIN_ERROR_MESSAGES;

/** Codes the API itself raises for failures outside the domain; stable like the domain codes. */
export const TRANSPORT_MESSAGES = {
  INTERNAL_SERVER_ERROR: { fr: 'Une erreur interne est survenue. Réessayez plus tard.', en: 'Something went wrong on our side. Please try again later.' },
  SERVICE_UNAVAILABLE: {
    fr: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    en: 'The service is temporarily unavailable. Please try again shortly.',
  },
  PAYLOAD_TOO_LARGE: { fr: 'La requête est trop volumineuse.', en: 'The request is too large.' },
  BAD_REQUEST: {
    fr: 'La requête est mal formée (corps JSON illisible ou type de contenu non accepté).',
    en: 'The request is malformed (unreadable JSON body or unsupported content type).',
  },
} as const satisfies Record<string, LocalizedMessage>;

export function renderMessage(message: LocalizedMessage, language: Language, params: Readonly<Record<string, string | number>>): string {
  return message[language].replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}
