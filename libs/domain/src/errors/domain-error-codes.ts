/**
 * Every code a DomainError may carry, grouped by how a client should react. Adding a code here
 * forces the API's error catalogue (apps/api) to give it a status and messages: the mapping is a
 * Record over this union, so a missing entry does not compile.
 */
export const DOMAIN_ERROR_CODES = [
  // Input that breaks a rule: the client should correct the named field.
  'VALIDATION_FAILED',
  // Authentication and authorisation.
  'UNAUTHENTICATED',
  'FORBIDDEN',
  // Something named does not exist (or the caller may not know it exists).
  'NOT_FOUND',
  // The state of the world forbids the operation now.
  'CONFLICT',
  'RATE_LIMITED',

  // Specific input rules: the client should correct the named field.
  // Dates and instants.
  'INVALID_DATE',
  'INVALID_DATETIME',
  // Places.
  'INVALID_LATITUDE',
  'INVALID_LONGITUDE',
  // Accounts.
  'INVALID_EMAIL',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'INVALID_DISPLAY_NAME',
  'EMAIL_ALREADY_REGISTERED',
  // Sign-in and sessions: the client should ask the person to sign in again (or wait, for RATE_LIMITED).
  'INVALID_CREDENTIALS',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_EXPIRED',
  'REFRESH_TOKEN_REVOKED',
  'REFRESH_TOKEN_REUSED',
  // Email verification: an account proves its address before it can do anything but verify and sign out.
  'EMAIL_NOT_VERIFIED',
  'EMAIL_VERIFICATION_TOKEN_INVALID',
  'EMAIL_VERIFICATION_TOKEN_EXPIRED',
  'EMAIL_VERIFICATION_TOKEN_USED',
  // Organisations.
  'INVALID_SIRET',
  'INVALID_RNA',
  'INVALID_LEGAL_ID',
  'UNKNOWN_ORGANIZATION_KIND',
  'INVALID_ORGANIZATION_NAME',
  'INVALID_HABILITATION_REFERENCE',
  'DUPLICATE_LEGAL_ID',
  // Vetting: a platform admin checks an organisation before it acts (a donor publishes, a recipient claims).
  'ORGANIZATION_NOT_VERIFIED',
  'LEGAL_ID_ALREADY_VERIFIED',
  // Members and invitations.
  'UNKNOWN_MEMBER_ROLE',
  'ALREADY_MEMBER',
  // Sites: identity and access.
  'INVALID_SITE_NAME',
  'INVALID_ADDRESS',
  'INVALID_ACCESS_INSTRUCTIONS',
  // Sites: receiving hours and closures.
  'INVALID_WEEKDAY',
  'OPENING_HOURS_DUPLICATE_WEEKDAY',
  'INVALID_TIME_OF_DAY',
  'OPENING_HOURS_END_BEFORE_START',
  'OPENING_HOURS_OVERLAP',
  'OPENING_HOURS_TOO_MANY_INTERVALS',
  'CLOSURE_END_BEFORE_START',
  // Recipient profile.
  'NO_ACCEPTED_CATEGORIES',
  'UNKNOWN_CATEGORY',
  'UNKNOWN_TEMPERATURE_CLASS',
  'INVALID_CAPACITY',
  'NEGATIVE_CAPACITY',
  'DUPLICATE_CAPACITY',
  'INVALID_RADIUS',
  'INVALID_DLC_MARGIN',
  'DLC_MARGIN_TOO_SHORT',
  'INVALID_PEOPLE_PER_WEEK',
  'NOT_A_RECIPIENT',
  // Habilitation (docs/domain-rules.md): an unverified recipient may set up but not claim.
  'RECIPIENT_NOT_VERIFIED',
  // Pagination.
  'INVALID_CURSOR',
  'INVALID_PAGE_SIZE',
  // Offer items.
  'UNKNOWN_ALLERGEN',
  'INVALID_GTIN',
  'INVALID_QUANTITY',
  'INVALID_DESCRIPTION',
  'UNKNOWN_DATE_KIND',
  'DLC_DATE_REQUIRED',
  'DATE_NOT_ALLOWED',
  'INVALID_UNIT_COST',
  'LOT_NUMBER_TOO_LONG',
  // Offers.
  'INVALID_OFFER_TITLE',
  'OFFER_WITHOUT_ITEMS',
  'OFFER_TOO_MANY_ITEMS',
  'DUPLICATE_OFFER_ITEM_ID',
  'PICKUP_WINDOW_END_BEFORE_START',
  'PICKUP_WINDOW_OVER',
  'PICKUP_WINDOW_TOO_LONG',
  'WITHDRAW_REASON_REQUIRED',
  'UNKNOWN_OFFER_ITEM',
  'CLAIM_WITHOUT_LINES',
  // Date rules (docs/domain-rules.md, DLC margin): the goods themselves forbid the operation.
  'DLC_EXPIRED',
  'DLC_MARGIN_NOT_MET',
  // The offer's state forbids the operation now.
  'ILLEGAL_OFFER_TRANSITION',
  'CLAIM_EXCEEDS_REMAINING',
  'NOTHING_TO_RELEASE',
  'OFFER_NOT_DUE_TO_EXPIRE',
  // Claims: the request, the recipient or the offer forbids this claim.
  'INVALID_IDEMPOTENCY_KEY',
  'IDEMPOTENCY_KEY_REUSED',
  'DUPLICATE_CLAIM_ITEM',
  'OFFER_NOT_OPEN',
  'ALREADY_CLAIMED',
  'RECIPIENT_NOT_ELIGIBLE',
  'ITEM_NOT_ELIGIBLE',
  'CAPACITY_EXCEEDED',
  'ILLEGAL_CLAIM_TRANSITION',
  'CANCELLATION_REASON_REQUIRED',
  // Offers: only a donor organisation posts offers.
  'NOT_A_DONOR',
  // Batch allocation (a coordinator's proposal) and the live map feed.
  'RECIPIENT_PROFILE_MISSING',
  'ALLOCATION_TOO_LARGE',
  'INVALID_BBOX',
  'BBOX_TOO_LARGE',
  'UNKNOWN_MAP_LAYER',
  // A recipient's vehicles and its drivers' availability.
  'INVALID_VEHICLE_NAME',
  'INVALID_VEHICLE_CAPACITY',
  'INVALID_INSULATED_BOXES',
  'INVALID_INSULATED_BOX_MINUTES',
  'INSULATED_BOX_MINUTES_WITHOUT_BOXES',
  'NOT_A_DRIVER',
  'ABSENCE_END_BEFORE_START',
  'ABSENCE_TOO_LONG',
  'TOO_MANY_ABSENCES',
  // Pickup runs: planning a day (docs/domain-rules.md, Pickup runs).
  'NO_VEHICLES',
  'TOO_MANY_VEHICLES',
  'RUN_DAY_OVER',
  // Pickup runs: the run's state forbids the operation now.
  'RUN_ALREADY_TAKEN',
  'RUN_NOT_OPEN',
  'ILLEGAL_RUN_TRANSITION',
  // Stop events: what the driver records must make sense (the named field).
  'STOP_QUANTITY_REQUIRED',
  'STOP_EVENT_FIELD_NOT_ALLOWED',
  'TEMPERATURE_OUT_OF_RANGE',
  'TEMPERATURE_REQUIRED',
  'INVALID_STOP_NOTE',
  'INVALID_REFUSAL_REASON',
  'STOP_EVENT_NOT_FOR_STOP',
  'QUANTITY_ABOVE_CLAIMED',
  // Stop events: a delivery's kilos against those collected (docs/domain-rules.md, Refusal).
  'QUANTITY_ABOVE_COLLECTED',
  'SHORTFALL_REASON_REQUIRED',
  'REFUSAL_WITHOUT_SHORTFALL',
  // Stop events: the run or the stop forbids it now.
  'STOP_EVENT_ALREADY_RECORDED',
  'STOP_EVENT_OUT_OF_ORDER',
  'RUN_HAS_NO_DRIVER',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && (DOMAIN_ERROR_CODES as readonly string[]).includes(value);
}
