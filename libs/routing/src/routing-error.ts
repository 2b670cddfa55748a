/**
 * Bad routing input, with a stable code and the path of the offending field (for example
 * `stops[3].window`). The application maps these to its own coded errors.
 */
export const ROUTING_ERROR_CODES = [
  'MISSING_DEPOT',
  'NO_VEHICLES',
  'INVALID_CAPACITY',
  'INVALID_WINDOW',
  'SERVICE_LONGER_THAN_WINDOW',
  'INVALID_SERVICE_TIME',
  'INVALID_DEMAND',
  'INVALID_COORDINATES',
  'INVALID_ID',
  'DUPLICATE_STOP_ID',
  'DUPLICATE_VEHICLE_ID',
  'UNKNOWN_TEMPERATURE_CLASS',
  'INVALID_MAX_ROUTE_DURATION',
  'INVALID_INSULATED_BOX',
  'INVALID_TRAVEL_MATRIX',
  'INVALID_SEARCH_OPTIONS',
  'INVALID_INSTANCE_FILE',
] as const;
export type RoutingErrorCode = (typeof ROUTING_ERROR_CODES)[number];

/** What each code means, in French then English (the user-facing languages). */
export const ROUTING_ERROR_MESSAGES: Readonly<Record<RoutingErrorCode, { readonly fr: string; readonly en: string }>> = {
  MISSING_DEPOT: { fr: 'Le dépôt manque.', en: 'The depot is missing.' },
  NO_VEHICLES: { fr: 'Aucun véhicule.', en: 'There is no vehicle.' },
  INVALID_CAPACITY: { fr: 'La capacité doit être un nombre de kg positif.', en: 'The capacity must be a positive number of kg.' },
  INVALID_WINDOW: { fr: 'Le créneau doit finir après son début.', en: 'The window must end after it starts.' },
  SERVICE_LONGER_THAN_WINDOW: {
    fr: 'Le temps de service est plus long que le créneau.',
    en: 'The service time is longer than the window.',
  },
  INVALID_SERVICE_TIME: { fr: 'Le temps de service doit être positif ou nul.', en: 'The service time must be zero or more.' },
  INVALID_DEMAND: { fr: 'La quantité doit être un nombre de kg positif ou nul.', en: 'The demand must be zero or more kg.' },
  INVALID_COORDINATES: { fr: 'Les coordonnées doivent être des nombres finis.', en: 'The coordinates must be finite numbers.' },
  INVALID_ID: { fr: "L'identifiant doit être une chaîne non vide.", en: 'The id must be a non-empty string.' },
  DUPLICATE_STOP_ID: { fr: 'Deux arrêts ont le même identifiant.', en: 'Two stops have the same id.' },
  DUPLICATE_VEHICLE_ID: { fr: 'Deux véhicules ont le même identifiant.', en: 'Two vehicles have the same id.' },
  UNKNOWN_TEMPERATURE_CLASS: { fr: 'Classe de température inconnue.', en: 'Unknown temperature class.' },
  INVALID_MAX_ROUTE_DURATION: {
    fr: 'La durée maximale de tournée doit être positive.',
    en: 'The maximum route duration must be positive.',
  },
  INVALID_INSULATED_BOX: {
    fr: 'La durée en caisse isotherme doit être positive.',
    en: 'The insulated-box time must be positive.',
  },
  INVALID_TRAVEL_MATRIX: {
    fr: 'Le fournisseur de distances a rendu des valeurs invalides.',
    en: 'The distance provider returned invalid values.',
  },
  INVALID_SEARCH_OPTIONS: { fr: 'Options de recherche invalides.', en: 'Invalid search options.' },
  INVALID_INSTANCE_FILE: { fr: "Fichier d'instance illisible.", en: 'Unreadable instance file.' },
};

export class RoutingError extends Error {
  constructor(
    readonly code: RoutingErrorCode,
    readonly field: string,
    detail?: string,
  ) {
    super(`${code} (${field}): ${ROUTING_ERROR_MESSAGES[code].en}${detail === undefined ? '' : ` ${detail}`}`);
    this.name = 'RoutingError';
  }
}
