import { assertNever, type DomainErrorCode } from '#domain';

/**
 * The HTTP status of each domain error code, for REST answers (GraphQL answers stay 200 with the
 * code in extensions). A switch over every code whose default only compiles when no code is left
 * out: a new code does not build until it is given a status here.
 */
export function httpStatusOf(code: DomainErrorCode): number {
  switch (code) {
    // Input the client should correct (the named field).
    case 'VALIDATION_FAILED':
    case 'INVALID_DATE':
    case 'INVALID_DATETIME':
    case 'INVALID_LATITUDE':
    case 'INVALID_LONGITUDE':
    case 'INVALID_EMAIL':
    case 'PASSWORD_TOO_SHORT':
    case 'PASSWORD_TOO_LONG':
    case 'INVALID_DISPLAY_NAME':
    case 'INVALID_SIRET':
    case 'INVALID_RNA':
    case 'INVALID_LEGAL_ID':
    case 'UNKNOWN_ORGANIZATION_KIND':
    case 'INVALID_ORGANIZATION_NAME':
    case 'INVALID_HABILITATION_REFERENCE':
    case 'UNKNOWN_MEMBER_ROLE':
    case 'INVALID_SITE_NAME':
    case 'INVALID_ADDRESS':
    case 'INVALID_ACCESS_INSTRUCTIONS':
    case 'INVALID_WEEKDAY':
    case 'OPENING_HOURS_DUPLICATE_WEEKDAY':
    case 'INVALID_TIME_OF_DAY':
    case 'OPENING_HOURS_END_BEFORE_START':
    case 'OPENING_HOURS_OVERLAP':
    case 'OPENING_HOURS_TOO_MANY_INTERVALS':
    case 'CLOSURE_END_BEFORE_START':
    case 'INVALID_VEHICLE_NAME':
    case 'INVALID_VEHICLE_CAPACITY':
    case 'INVALID_INSULATED_BOXES':
    case 'INVALID_INSULATED_BOX_MINUTES':
    case 'INSULATED_BOX_MINUTES_WITHOUT_BOXES':
    case 'ABSENCE_END_BEFORE_START':
    case 'ABSENCE_TOO_LONG':
    case 'NO_ACCEPTED_CATEGORIES':
    case 'UNKNOWN_CATEGORY':
    case 'UNKNOWN_TEMPERATURE_CLASS':
    case 'INVALID_CAPACITY':
    case 'INVALID_IDEMPOTENCY_KEY':
    case 'DUPLICATE_CLAIM_ITEM':
    case 'CANCELLATION_REASON_REQUIRED':
    case 'NEGATIVE_CAPACITY':
    case 'DUPLICATE_CAPACITY':
    case 'INVALID_RADIUS':
    case 'INVALID_DLC_MARGIN':
    case 'DLC_MARGIN_TOO_SHORT':
    case 'INVALID_PEOPLE_PER_WEEK':
    case 'INVALID_CURSOR':
    case 'INVALID_PAGE_SIZE':
    case 'UNKNOWN_ALLERGEN':
    case 'INVALID_GTIN':
    case 'INVALID_QUANTITY':
    case 'INVALID_DESCRIPTION':
    case 'UNKNOWN_DATE_KIND':
    case 'DLC_DATE_REQUIRED':
    case 'DATE_NOT_ALLOWED':
    case 'INVALID_UNIT_COST':
    case 'LOT_NUMBER_TOO_LONG':
    case 'INVALID_OFFER_TITLE':
    case 'OFFER_WITHOUT_ITEMS':
    case 'OFFER_TOO_MANY_ITEMS':
    case 'DUPLICATE_OFFER_ITEM_ID':
    case 'PICKUP_WINDOW_END_BEFORE_START':
    case 'PICKUP_WINDOW_TOO_LONG':
    case 'WITHDRAW_REASON_REQUIRED':
    case 'UNKNOWN_OFFER_ITEM':
    case 'CLAIM_WITHOUT_LINES':
    case 'ALLOCATION_TOO_LARGE':
    case 'INVALID_BBOX':
    case 'BBOX_TOO_LARGE':
    case 'UNKNOWN_MAP_LAYER':
    case 'EMAIL_VERIFICATION_TOKEN_INVALID':
    case 'EMAIL_VERIFICATION_TOKEN_EXPIRED':
    case 'EMAIL_VERIFICATION_TOKEN_USED':
    case 'TOO_MANY_VEHICLES':
    case 'RUN_DAY_OVER':
    case 'STOP_QUANTITY_REQUIRED':
    case 'STOP_EVENT_FIELD_NOT_ALLOWED':
    case 'TEMPERATURE_OUT_OF_RANGE':
    case 'TEMPERATURE_REQUIRED':
    case 'INVALID_STOP_NOTE':
    case 'INVALID_REFUSAL_REASON':
    case 'STOP_EVENT_NOT_FOR_STOP':
    case 'QUANTITY_ABOVE_CLAIMED':
    case 'QUANTITY_ABOVE_COLLECTED':
    case 'SHORTFALL_REASON_REQUIRED':
    case 'REFUSAL_WITHOUT_SHORTFALL':
      return 400;
    // The caller must sign in (again).
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'REFRESH_TOKEN_INVALID':
    case 'REFRESH_TOKEN_EXPIRED':
    case 'REFRESH_TOKEN_REVOKED':
    case 'REFRESH_TOKEN_REUSED':
      return 401;
    // Signed in, but not allowed.
    case 'FORBIDDEN':
    case 'RECIPIENT_NOT_VERIFIED':
    case 'EMAIL_NOT_VERIFIED':
    case 'ORGANIZATION_NOT_VERIFIED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    // The state of the world (an offer, the goods, an organisation) forbids the operation now; the input itself is well formed.
    case 'CONFLICT':
    case 'EMAIL_ALREADY_REGISTERED':
    case 'DUPLICATE_LEGAL_ID':
    case 'LEGAL_ID_ALREADY_VERIFIED':
    case 'ALREADY_MEMBER':
    case 'NOT_A_RECIPIENT':
    case 'NOT_A_DRIVER':
    case 'TOO_MANY_ABSENCES':
    case 'NOT_A_DONOR':
    case 'RECIPIENT_PROFILE_MISSING':
    case 'PICKUP_WINDOW_OVER':
    case 'DLC_EXPIRED':
    case 'DLC_MARGIN_NOT_MET':
    case 'ILLEGAL_OFFER_TRANSITION':
    case 'CLAIM_EXCEEDS_REMAINING':
    case 'NOTHING_TO_RELEASE':
    case 'OFFER_NOT_DUE_TO_EXPIRE':
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'OFFER_NOT_OPEN':
    case 'ALREADY_CLAIMED':
    case 'RECIPIENT_NOT_ELIGIBLE':
    case 'ITEM_NOT_ELIGIBLE':
    case 'CAPACITY_EXCEEDED':
    case 'ILLEGAL_CLAIM_TRANSITION':
    case 'NO_VEHICLES':
    case 'RUN_ALREADY_TAKEN':
    case 'RUN_NOT_OPEN':
    case 'ILLEGAL_RUN_TRANSITION':
    case 'STOP_EVENT_ALREADY_RECORDED':
    case 'STOP_EVENT_OUT_OF_ORDER':
    case 'RUN_HAS_NO_DRIVER':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    default:
      return assertNever(code, 'domain error code');
  }
}
