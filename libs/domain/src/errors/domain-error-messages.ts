import type { DomainError } from './domain-error';
import type { DomainErrorCode } from './domain-error-codes';

export interface DomainErrorMessage {
  readonly fr: string;
  readonly en: string;
}

/**
 * What a person reads for each code, French first (our users are French shops and associations),
 * written so they know what to change. `{name}` placeholders come from DomainError.params; the field
 * at fault travels separately, so messages do not repeat it. A Record over the union: a new code does
 * not compile until it has its messages.
 */
export const DOMAIN_ERROR_MESSAGES: Readonly<Record<DomainErrorCode, DomainErrorMessage>> = {
  VALIDATION_FAILED: { fr: 'Valeur invalide : {detail}', en: 'Invalid value: {detail}' },
  UNAUTHENTICATED: { fr: 'Connectez-vous pour continuer.', en: 'Please sign in to continue.' },
  FORBIDDEN: { fr: "Vous n'avez pas le droit de faire cette opération.", en: 'You are not allowed to do this.' },
  NOT_FOUND: {
    fr: "Ce que vous cherchez n'existe pas ou ne vous est pas accessible.",
    en: 'What you asked for does not exist or is not available to you.',
  },
  CONFLICT: {
    fr: "L'opération n'est plus possible dans l'état actuel.",
    en: 'This operation is no longer possible in the current state.',
  },
  RATE_LIMITED: {
    fr: 'Trop de tentatives. Réessayez dans {retryAfterSeconds} secondes.',
    en: 'Too many attempts. Try again in {retryAfterSeconds} seconds.',
  },

  INVALID_DATE: {
    fr: 'Date invalide : indiquez un jour au format AAAA-MM-JJ.',
    en: 'Invalid date: give a day as YYYY-MM-DD.',
  },
  INVALID_DATETIME: {
    fr: 'Horodatage invalide : indiquez une date et une heure ISO 8601 avec fuseau.',
    en: 'Invalid time: give an ISO 8601 date and time with an offset.',
  },
  INVALID_LATITUDE: {
    fr: 'La latitude doit être comprise entre -90 et 90.',
    en: 'Latitude must be between -90 and 90.',
  },
  INVALID_LONGITUDE: {
    fr: 'La longitude doit être comprise entre -180 et 180.',
    en: 'Longitude must be between -180 and 180.',
  },
  INVALID_EMAIL: {
    fr: "Cette adresse e-mail n'est pas valide.",
    en: 'This email address is not valid.',
  },
  PASSWORD_TOO_SHORT: {
    fr: 'Le mot de passe doit contenir au moins {min} caractères.',
    en: 'The password must be at least {min} characters long.',
  },
  PASSWORD_TOO_LONG: {
    fr: 'Le mot de passe ne doit pas dépasser {max} caractères.',
    en: 'The password must be at most {max} characters long.',
  },
  INVALID_DISPLAY_NAME: {
    fr: 'Le nom affiché est obligatoire, sans caractères de contrôle, et fait au plus {max} caractères.',
    en: 'A display name is required, without control characters, at most {max} characters.',
  },
  EMAIL_ALREADY_REGISTERED: {
    fr: 'Un compte existe déjà avec cette adresse e-mail : connectez-vous.',
    en: 'An account already exists with this email address: sign in instead.',
  },
  INVALID_CREDENTIALS: {
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    en: 'Incorrect email address or password.',
  },
  REFRESH_TOKEN_INVALID: {
    fr: 'Cette session n’est pas reconnue : connectez-vous à nouveau.',
    en: 'This session is not recognised: please sign in again.',
  },
  REFRESH_TOKEN_EXPIRED: {
    fr: 'Votre session a expiré : connectez-vous à nouveau.',
    en: 'Your session has expired: please sign in again.',
  },
  REFRESH_TOKEN_REVOKED: {
    fr: 'Cette session a été fermée : connectez-vous à nouveau.',
    en: 'This session has been closed: please sign in again.',
  },
  REFRESH_TOKEN_REUSED: {
    fr: 'Ce jeton de session a déjà servi : par précaution, la session est fermée. Connectez-vous à nouveau.',
    en: 'This session token was already used: as a precaution the session is closed. Please sign in again.',
  },
  EMAIL_NOT_VERIFIED: {
    fr: 'Confirmez d’abord votre adresse e-mail avec le lien que nous vous avons envoyé (vous pouvez le redemander).',
    en: 'First confirm your email address with the link we sent you (you can ask for it again).',
  },
  EMAIL_VERIFICATION_TOKEN_INVALID: {
    fr: 'Ce lien de confirmation n’est pas valide : utilisez le dernier lien reçu par e-mail, ou redemandez-en un.',
    en: 'This confirmation link is not valid: use the latest link you received by email, or ask for a new one.',
  },
  EMAIL_VERIFICATION_TOKEN_EXPIRED: {
    fr: 'Ce lien de confirmation a expiré : redemandez-en un.',
    en: 'This confirmation link has expired: ask for a new one.',
  },
  EMAIL_VERIFICATION_TOKEN_USED: {
    fr: 'Ce lien de confirmation a déjà servi : connectez-vous.',
    en: 'This confirmation link was already used: sign in instead.',
  },
  INVALID_SIRET: {
    fr: 'Numéro SIRET invalide : 14 chiffres, vérifiez-le sur votre extrait Kbis ou avis de situation INSEE.',
    en: 'Invalid SIRET: 14 digits; check it against your INSEE registration.',
  },
  INVALID_RNA: {
    fr: 'Numéro RNA invalide : la lettre W suivie de 9 chiffres, tel qu’il figure sur le récépissé de la préfecture.',
    en: 'Invalid RNA number: the letter W then 9 digits, as on the prefecture receipt.',
  },
  INVALID_LEGAL_ID: {
    fr: 'Une entreprise donatrice doit indiquer son numéro {expected}.',
    en: 'A donor business must give its {expected} number.',
  },
  UNKNOWN_ORGANIZATION_KIND: {
    fr: 'Type d’organisation inconnu : DONOR (donateur) ou RECIPIENT (bénéficiaire).',
    en: 'Unknown organisation kind: DONOR or RECIPIENT.',
  },
  INVALID_ORGANIZATION_NAME: {
    fr: 'Le nom de l’organisation est obligatoire, sans caractères de contrôle, et fait au plus {max} caractères.',
    en: 'An organisation name is required, without control characters, at most {max} characters.',
  },
  INVALID_HABILITATION_REFERENCE: {
    fr: 'La référence d’habilitation doit faire entre 1 et {max} caractères, sans caractères de contrôle.',
    en: 'The habilitation reference must be 1 to {max} characters, without control characters.',
  },
  DUPLICATE_LEGAL_ID: {
    fr: 'Une organisation est déjà inscrite avec ce numéro : demandez à son administrateur de vous ajouter.',
    en: 'An organisation is already registered with this number: ask its administrator to add you.',
  },
  ORGANIZATION_NOT_VERIFIED: {
    fr: 'Votre organisation n’a pas encore été vérifiée par l’équipe Glane : vous pourrez publier une fois la vérification faite.',
    en: 'Your organisation has not been verified by the Glane team yet: you can publish once it is.',
  },
  LEGAL_ID_ALREADY_VERIFIED: {
    fr: 'Une autre organisation avec ce numéro est déjà vérifiée : celle-ci ne peut pas l’être aussi.',
    en: 'Another organisation with this number is already verified: this one cannot be too.',
  },
  UNKNOWN_MEMBER_ROLE: {
    fr: 'Rôle inconnu : ADMIN, STAFF ou DRIVER.',
    en: 'Unknown role: ADMIN, STAFF or DRIVER.',
  },
  ALREADY_MEMBER: {
    fr: 'Cette personne est déjà membre de l’organisation.',
    en: 'This person is already a member of the organisation.',
  },
  INVALID_SITE_NAME: {
    fr: 'Le nom du site est obligatoire, sans caractères de contrôle, et fait au plus {max} caractères.',
    en: 'A site name is required, without control characters, at most {max} characters.',
  },
  INVALID_ADDRESS: {
    fr: 'L’adresse est obligatoire et fait au plus {max} caractères.',
    en: 'An address is required, at most {max} characters.',
  },
  INVALID_ACCESS_INSTRUCTIONS: {
    fr: 'Les consignes d’accès font au plus {max} caractères.',
    en: 'Access instructions must be at most {max} characters.',
  },
  INVALID_WEEKDAY: {
    fr: 'Jour de la semaine invalide : de 1 (lundi) à 7 (dimanche).',
    en: 'Invalid weekday: from 1 (Monday) to 7 (Sunday).',
  },
  OPENING_HOURS_DUPLICATE_WEEKDAY: {
    fr: 'Ce jour de la semaine est déjà renseigné : regroupez ses horaires en une seule entrée.',
    en: 'This weekday is already listed: put all its hours in one entry.',
  },
  INVALID_TIME_OF_DAY: {
    fr: 'Heure invalide « {value} » : utilisez le format HH:mm (24:00 seulement en fin de plage).',
    en: 'Invalid time "{value}": use HH:mm (24:00 only as an end).',
  },
  OPENING_HOURS_END_BEFORE_START: {
    fr: 'La plage horaire {start}–{end} doit finir après son début ; coupez en deux une plage qui passe minuit.',
    en: 'The time range {start}–{end} must end after it starts; split a range that crosses midnight.',
  },
  OPENING_HOURS_OVERLAP: {
    fr: 'Cette plage horaire chevauche une autre plage du même jour.',
    en: 'This time range overlaps another one on the same day.',
  },
  OPENING_HOURS_TOO_MANY_INTERVALS: {
    fr: 'Au plus {max} plages horaires par jour.',
    en: 'At most {max} time ranges per day.',
  },
  CLOSURE_END_BEFORE_START: {
    fr: 'La fermeture doit finir le jour de son début ou après (du {from} au {to}).',
    en: 'A closure must end on or after its first day (from {from} to {to}).',
  },
  NO_ACCEPTED_CATEGORIES: {
    fr: 'Choisissez au moins une catégorie de produits acceptée.',
    en: 'Choose at least one category of goods you accept.',
  },
  UNKNOWN_CATEGORY: {
    fr: 'Catégorie inconnue « {code} » : choisissez-en une dans la liste des catégories.',
    en: 'Unknown category "{code}": pick one from the category list.',
  },
  UNKNOWN_TEMPERATURE_CLASS: {
    fr: 'Classe de température inconnue : AMBIENT, CHILLED ou FROZEN.',
    en: 'Unknown temperature class: AMBIENT, CHILLED or FROZEN.',
  },
  INVALID_CAPACITY: {
    fr: 'La capacité doit être un nombre de kilogrammes.',
    en: 'Capacity must be a number of kilograms.',
  },
  NEGATIVE_CAPACITY: {
    fr: 'La capacité de stockage ne peut pas être négative.',
    en: 'Storage capacity cannot be negative.',
  },
  DUPLICATE_CAPACITY: {
    fr: 'La capacité {temperature} est déjà indiquée : une seule valeur par classe de température.',
    en: 'The {temperature} capacity is already given: one value per temperature class.',
  },
  INVALID_RADIUS: {
    fr: "Le rayon d'action doit être supérieur à 0 et d'au plus {max} km.",
    en: 'The service radius must be over 0 and at most {max} km.',
  },
  INVALID_DLC_MARGIN: {
    fr: 'La marge DLC doit être un nombre entier d’heures entre {min} et {max}.',
    en: 'The use-by margin must be a whole number of hours from {min} to {max}.',
  },
  DLC_MARGIN_TOO_SHORT: {
    fr: 'Une marge DLC de moins de {min} heures n’est possible que si vous déclarez redistribuer plus vite.',
    en: 'A use-by margin under {min} hours requires declaring that you redistribute faster.',
  },
  INVALID_PEOPLE_PER_WEEK: {
    fr: 'Le nombre de personnes aidées par semaine doit être un entier positif ou nul.',
    en: 'People served per week must be a whole number, zero or more.',
  },
  NOT_A_RECIPIENT: {
    fr: 'Seule une organisation bénéficiaire peut faire cela.',
    en: 'Only a recipient organisation can do this.',
  },
  RECIPIENT_NOT_VERIFIED: {
    fr: 'Votre habilitation n’a pas encore été vérifiée : vous pourrez réserver des dons une fois la vérification faite.',
    en: 'Your habilitation has not been verified yet: you can claim offers once it is.',
  },
  INVALID_CURSOR: {
    fr: 'Curseur de pagination invalide : reprenez depuis le début de la liste.',
    en: 'Invalid pagination cursor: start again from the beginning of the list.',
  },
  INVALID_PAGE_SIZE: {
    fr: 'Le nombre d’éléments demandés doit être compris entre 1 et {max}.',
    en: 'The number of items asked for must be between 1 and {max}.',
  },
  UNKNOWN_ALLERGEN: {
    fr: 'Allergène inconnu « {code} » : utilisez un des 14 codes du règlement UE 1169/2011.',
    en: 'Unknown allergen "{code}": use one of the 14 codes of EU Regulation 1169/2011.',
  },
  INVALID_GTIN: {
    fr: 'Code-barres (GTIN/EAN) invalide : 8, 12, 13 ou 14 chiffres avec la bonne clé de contrôle.',
    en: 'Invalid barcode (GTIN/EAN): 8, 12, 13 or 14 digits with the right check digit.',
  },
  INVALID_QUANTITY: {
    fr: 'La quantité doit être supérieure à 0 kg et d’au plus {max} kg.',
    en: 'The quantity must be over 0 kg and at most {max} kg.',
  },
  INVALID_DESCRIPTION: {
    fr: 'La description est obligatoire et fait au plus {max} caractères.',
    en: 'A description is required, at most {max} characters.',
  },
  UNKNOWN_DATE_KIND: {
    fr: 'Type de date inconnu : DLC, DDM ou NONE.',
    en: 'Unknown date kind: DLC, DDM or NONE.',
  },
  DLC_DATE_REQUIRED: {
    fr: 'Un produit à DLC doit avoir sa date limite de consommation.',
    en: 'A use-by (DLC) item needs its use-by date.',
  },
  DATE_NOT_ALLOWED: {
    fr: 'Un produit sans date ne doit pas avoir de date : choisissez DLC ou DDM, ou retirez la date.',
    en: 'An item without a date kind must not have a date: choose DLC or DDM, or remove the date.',
  },
  INVALID_UNIT_COST: {
    fr: 'Le coût de revient doit être un nombre entier de centimes, positif ou nul.',
    en: 'The cost price must be a whole number of cents, zero or more.',
  },
  LOT_NUMBER_TOO_LONG: {
    fr: 'Le numéro de lot fait au plus {max} caractères.',
    en: 'The lot number must be at most {max} characters.',
  },
  INVALID_OFFER_TITLE: {
    fr: 'Le titre est obligatoire et fait au plus {max} caractères.',
    en: 'A title is required, at most {max} characters.',
  },
  OFFER_WITHOUT_ITEMS: {
    fr: 'Ajoutez au moins un produit au don.',
    en: 'Add at least one item to the offer.',
  },
  OFFER_TOO_MANY_ITEMS: {
    fr: 'Au plus {max} produits par don : répartissez-les en plusieurs dons.',
    en: 'At most {max} items per offer: split them into several offers.',
  },
  DUPLICATE_OFFER_ITEM_ID: {
    fr: 'Deux produits du don portent le même identifiant.',
    en: 'Two items of the offer have the same id.',
  },
  PICKUP_WINDOW_END_BEFORE_START: {
    fr: 'Le créneau d’enlèvement doit finir après son début.',
    en: 'The pickup window must end after it starts.',
  },
  PICKUP_WINDOW_OVER: {
    fr: 'Le créneau d’enlèvement est déjà passé : choisissez un créneau à venir.',
    en: 'The pickup window is already over: choose one in the future.',
  },
  PICKUP_WINDOW_TOO_LONG: {
    fr: 'Le créneau d’enlèvement dure au plus {maxDays} jours.',
    en: 'The pickup window can last at most {maxDays} days.',
  },
  WITHDRAW_REASON_REQUIRED: {
    fr: 'Indiquez la raison du retrait (au plus {max} caractères) : elle est transmise aux associations.',
    en: 'Give a reason for withdrawing (at most {max} characters): recipients are told.',
  },
  UNKNOWN_OFFER_ITEM: {
    fr: 'Ce produit ne fait pas partie du don.',
    en: 'This item is not part of the offer.',
  },
  CLAIM_WITHOUT_LINES: {
    fr: 'Indiquez au moins un produit et sa quantité.',
    en: 'Give at least one item and its quantity.',
  },
  DLC_EXPIRED: {
    fr: 'La DLC du {date} est dépassée : ce produit ne peut plus être donné.',
    en: 'The use-by date {date} has passed: this item can no longer be given.',
  },
  DLC_MARGIN_NOT_MET: {
    fr: 'La DLC du {date} laisse moins de {marginHours} h après la fin du créneau d’enlèvement.',
    en: 'The use-by date {date} leaves less than {marginHours} h after the pickup window ends.',
  },
  ILLEGAL_OFFER_TRANSITION: {
    fr: 'L’action {event} est impossible pour un don à l’état {from}.',
    en: 'The action {event} is not possible for an offer in state {from}.',
  },
  CLAIM_EXCEEDS_REMAINING: {
    fr: 'Il ne reste que {remainingKg} kg de ce produit.',
    en: 'Only {remainingKg} kg of this item remain.',
  },
  NOTHING_TO_RELEASE: {
    fr: 'Seuls {claimedKg} kg de ce produit sont réservés.',
    en: 'Only {claimedKg} kg of this item are claimed.',
  },
  INVALID_IDEMPOTENCY_KEY: {
    fr: "La clé d'idempotence doit compter de {min} à {max} caractères parmi lettres, chiffres et _ - : .",
    en: 'The idempotency key must be {min} to {max} characters among letters, digits and _ - : .',
  },
  IDEMPOTENCY_KEY_REUSED: {
    fr: "Cette clé d'idempotence a déjà servi pour une autre demande : utilisez une nouvelle clé.",
    en: 'This idempotency key was already used for a different request: use a new key.',
  },
  DUPLICATE_CLAIM_ITEM: {
    fr: 'Ce produit figure deux fois dans la réservation : regroupez les quantités sur une ligne.',
    en: 'This item appears twice in the claim: put its quantity on one line.',
  },
  OFFER_NOT_OPEN: {
    fr: "Ce lot n'est pas ouvert aux réservations (statut {status}).",
    en: 'This offer is not open to claims (status {status}).',
  },
  ALREADY_CLAIMED: {
    fr: 'Ce lot a déjà été entièrement réservé.',
    en: 'This offer has already been fully claimed.',
  },
  RECIPIENT_NOT_ELIGIBLE: {
    fr: 'Votre structure ne peut pas recevoir ce lot (catégories, distance, horaires de réception ou dates) : {reasons}.',
    en: 'Your organisation cannot receive this offer (categories, distance, receiving hours or dates): {reasons}.',
  },
  ITEM_NOT_ELIGIBLE: {
    fr: 'Votre structure ne peut pas recevoir ce produit (catégorie, stockage ou date limite).',
    en: 'Your organisation cannot receive this item (category, storage or use-by date).',
  },
  CAPACITY_EXCEEDED: {
    fr: 'Votre stockage {temperature} ne peut plus accueillir que {freeKg} kg le {day}.',
    en: 'Your {temperature} storage can only take {freeKg} more kg on {day}.',
  },
  ILLEGAL_CLAIM_TRANSITION: {
    fr: "Cette réservation ne peut pas passer de l'état {from} par l'action {event}.",
    en: 'This claim cannot go from {from} through {event}.',
  },
  CANCELLATION_REASON_REQUIRED: {
    fr: "Indiquez la raison de l'annulation ({max} caractères au plus).",
    en: 'Give the reason for the cancellation (at most {max} characters).',
  },
  OFFER_NOT_DUE_TO_EXPIRE: {
    fr: 'Ce don est encore valable : il n’expire pas maintenant.',
    en: 'This offer is still valid: it does not expire now.',
  },
  NOT_A_DONOR: {
    fr: 'Seule une organisation donatrice peut proposer des dons.',
    en: 'Only a donor organisation can post offers.',
  },
  RECIPIENT_PROFILE_MISSING: {
    fr: 'Cette organisation n’a pas encore déclaré son profil de bénéficiaire (zone desservie, stockage).',
    en: 'This organisation has not declared its recipient profile yet (service area, storage).',
  },
  ALLOCATION_TOO_LARGE: {
    fr: 'Trop de données pour une seule proposition ({items} articles, {recipients} bénéficiaires ; au plus {maxItems} et {maxRecipients}). Réduisez la zone ou choisissez un autre jour.',
    en: 'Too much for one proposal ({items} items, {recipients} recipients; at most {maxItems} and {maxRecipients}). Narrow the area or pick another day.',
  },
  INVALID_BBOX: {
    fr: 'Zone invalide : indiquez bbox=ouest,sud,est,nord en degrés (longitude entre -180 et 180, latitude entre -90 et 90, min < max).',
    en: 'Invalid area: give bbox=west,south,east,north in degrees (longitude within -180..180, latitude within -90..90, min < max).',
  },
  BBOX_TOO_LARGE: {
    fr: 'Zone trop grande : au plus {maxDegrees}° de côté. Rapprochez la carte.',
    en: 'Area too large: at most {maxDegrees}° on each side. Zoom in.',
  },
  UNKNOWN_MAP_LAYER: {
    fr: 'Couche inconnue : {value}. Couches possibles : {allowed}.',
    en: 'Unknown layer: {value}. Possible layers: {allowed}.',
  },
  INVALID_VEHICLE_NAME: {
    fr: 'Le nom du véhicule est obligatoire, sur une ligne, et fait au plus {max} caractères.',
    en: 'A vehicle name is required, on one line, at most {max} characters.',
  },
  INVALID_VEHICLE_CAPACITY: {
    fr: 'La charge utile du véhicule doit être supérieure à 0 kg et d’au plus {max} kg.',
    en: 'The vehicle payload must be over 0 kg and at most {max} kg.',
  },
  INVALID_INSULATED_BOXES: {
    fr: 'Le nombre de caisses isothermes doit être un entier entre 0 et {max}.',
    en: 'The number of insulated boxes must be a whole number from 0 to {max}.',
  },
  INVALID_INSULATED_BOX_MINUTES: {
    fr: 'La durée maximale à bord d’une caisse isotherme doit être un nombre entier de minutes entre 1 et {max}.',
    en: 'The longest time on board in an insulated box must be a whole number of minutes from 1 to {max}.',
  },
  INSULATED_BOX_MINUTES_WITHOUT_BOXES: {
    fr: 'Une durée à bord en caisse isotherme n’a de sens que si le véhicule a des caisses isothermes.',
    en: 'A time on board in insulated boxes only makes sense if the vehicle has insulated boxes.',
  },
  NOT_A_DRIVER: {
    fr: 'Cette personne n’est pas chauffeur (rôle DRIVER) de l’organisation.',
    en: 'This person is not a driver (DRIVER role) of the organisation.',
  },
  ABSENCE_END_BEFORE_START: {
    fr: 'L’absence doit finir le jour de son début ou après (du {from} au {to}).',
    en: 'An absence must end on or after its first day (from {from} to {to}).',
  },
  ABSENCE_TOO_LONG: {
    fr: 'Une absence dure au plus {max} jours : déclarez-en plusieurs si besoin.',
    en: 'An absence lasts at most {max} days: declare several if needed.',
  },
  TOO_MANY_ABSENCES: {
    fr: 'Au plus {max} absences à venir : supprimez-en une avant d’en ajouter.',
    en: 'At most {max} upcoming absences: remove one before adding another.',
  },
  NO_VEHICLES: {
    fr: 'Aucun véhicule pour planifier : indiquez-en un ou ajoutez-en à la flotte de l’organisation.',
    en: 'No vehicle to plan with: give one, or add one to the organisation’s fleet.',
  },
  TOO_MANY_VEHICLES: {
    fr: 'Au plus {max} véhicules par planification.',
    en: 'At most {max} vehicles per planning.',
  },
  RUN_DAY_OVER: {
    fr: 'Ce jour est passé : on ne planifie que la journée en cours ou les suivantes.',
    en: 'This day is over: only today and later days can be planned.',
  },
  RUN_ALREADY_TAKEN: {
    fr: 'Un autre chauffeur a déjà pris cette tournée.',
    en: 'Another driver has already taken this run.',
  },
  RUN_NOT_OPEN: {
    fr: 'Cette tournée n’est plus ouverte (statut {status}).',
    en: 'This run is no longer open (status {status}).',
  },
  ILLEGAL_RUN_TRANSITION: {
    fr: 'Impossible dans l’état actuel de la tournée ({from}).',
    en: 'Not possible in the run’s current state ({from}).',
  },
  STOP_QUANTITY_REQUIRED: {
    fr: 'Indiquez le poids réellement {kind} en kg.',
    en: 'Give the weight actually {kind}, in kg.',
  },
  STOP_EVENT_FIELD_NOT_ALLOWED: {
    fr: 'Ce champ ne s’indique pas pour un événement {kind}.',
    en: 'This field is not given for a {kind} event.',
  },
  TEMPERATURE_OUT_OF_RANGE: {
    fr: 'La température relevée doit être entre {min} °C et {max} °C.',
    en: 'The temperature read must be between {min} °C and {max} °C.',
  },
  TEMPERATURE_REQUIRED: {
    fr: 'Relevez la température : ces produits voyagent au froid.',
    en: 'Read the temperature: these goods travel cold.',
  },
  INVALID_STOP_NOTE: {
    fr: 'La note fait au plus {max} caractères.',
    en: 'The note is at most {max} characters long.',
  },
  INVALID_REFUSAL_REASON: {
    fr: 'Le motif du refus commence par l’un de {reasons} (OTHER suivi de « : » et d’une explication).',
    en: 'The refusal reason starts with one of {reasons} (OTHER followed by ":" and an explanation).',
  },
  STOP_EVENT_NOT_FOR_STOP: {
    fr: 'Cet événement ne s’enregistre pas à un arrêt de ce type ({stopKind}).',
    en: 'This event is not recorded at a stop of this kind ({stopKind}).',
  },
  QUANTITY_ABOVE_CLAIMED: {
    fr: 'Plus que réservé : {claimedKg} kg réservés, au plus {maxKg} kg avec la tolérance.',
    en: 'More than claimed: {claimedKg} kg claimed, at most {maxKg} kg with the tolerance.',
  },
  QUANTITY_ABOVE_COLLECTED: {
    fr: 'Plus que collecté : {collectedKg} kg collectés, au plus {maxKg} kg avec la tolérance.',
    en: 'More than collected: {collectedKg} kg collected, at most {maxKg} kg with the tolerance.',
  },
  SHORTFALL_REASON_REQUIRED: {
    fr: 'Il manque {shortfallKg} kg sur les {collectedKg} kg collectés : la note doit donner le motif du refus de ce reste, l’un de {reasons} (OTHER suivi de « : » et d’une explication).',
    en: '{shortfallKg} kg of the {collectedKg} kg collected are missing: the note must give the reason they were refused, one of {reasons} (OTHER followed by ":" and an explanation).',
  },
  REFUSAL_WITHOUT_SHORTFALL: {
    fr: 'La note donne un motif de refus, mais les {collectedKg} kg collectés sont tous livrés : rien n’a été refusé.',
    en: 'The note gives a refusal reason, but all the {collectedKg} kg collected are delivered: nothing was refused.',
  },
  STOP_EVENT_ALREADY_RECORDED: {
    fr: 'Cet événement est déjà enregistré pour cet arrêt.',
    en: 'This event is already recorded for this stop.',
  },
  STOP_EVENT_OUT_OF_ORDER: {
    fr: 'Pas dans cet ordre : {reason}.',
    en: 'Not in this order: {reason}.',
  },
  RUN_HAS_NO_DRIVER: {
    fr: 'Cette tournée n’a pas encore de chauffeur : elle doit être acceptée d’abord.',
    en: 'This run has no driver yet: it must be accepted first.',
  },
};

export type DomainMessageLanguage = keyof DomainErrorMessage;

/** Fills `{name}` placeholders from the params; an unknown one stays visible rather than vanishing. */
export function renderDomainErrorMessage(error: Pick<DomainError, 'code' | 'params'>, language: DomainMessageLanguage): string {
  return DOMAIN_ERROR_MESSAGES[error.code][language].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = error.params[name];
    return value === undefined ? placeholder : String(value);
  });
}
