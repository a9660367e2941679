/** A business rule the request breaks; the code is stable, the message comes from the locale catalogues. */
export type RuleCode =
  | 'invalid_email'
  | 'email_taken'
  | 'invalid_name'
  | 'license_required'
  | 'unknown_license'
  | 'no_units_left'
  | 'location_required'
  | 'calling_needs_license'
  | 'unknown_location'
  | 'number_not_free'
  | 'invalid_number'
  | 'invalid_extension'
  | 'extension_taken'
  | 'number_or_extension_required'
  | 'user_not_found'
  | 'not_allowed'
  | 'value_too_long'
  | 'unsafe_character';

export class RuleError extends Error {
  constructor(
    readonly code: RuleCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'RuleError';
  }
}
