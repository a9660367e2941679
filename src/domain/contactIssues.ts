/**
 * A row that has no error or no warning gets this list: every row stays in
 * memory until its import ends, and ten thousand rows need no empty list of
 * their own (frozen: a caller adding to the shared list fails loudly).
 */
export const NO_ISSUES = Object.freeze([]) as unknown as never[];

/** Stable codes of what can be wrong with one row of an import (contacts or users); messages come from the catalogues. */
export type RowIssueCode = ContactIssueCode | UserIssueCode;

export type UserIssueCode =
  | 'email_required'
  | 'license_value_invalid'
  | 'new_user_needs_license'
  | 'no_units_left'
  | 'unknown_location'
  | 'location_required'
  | 'number_or_extension_required'
  | 'number_not_in_location'
  | 'number_taken'
  | 'number_twice_in_file'
  | 'extension_taken'
  | 'extension_twice_in_file'
  | 'extension_suggested'
  | 'suggested_extension_taken'
  | 'calling_needs_license';

export type ContactIssueCode =
  | 'display_name_required'
  | 'contact_method_required'
  | 'phone_or_email_required'
  | 'phone_type_required'
  | 'phone_type_invalid'
  | 'phone_type_without_number'
  | 'phone_invalid'
  | 'phone_scientific_notation'
  | 'phone_lost_plus'
  | 'phone_plus_added'
  | 'phone_not_valid'
  | 'extension_invalid'
  | 'email_invalid'
  | 'sip_invalid'
  | 'too_many_values'
  | 'unknown_column'
  | 'unknown_contact_uuid'
  | 'ambiguous_contact'
  | 'unknown_group'
  | 'duplicate_row'
  | 'email_in_use'
  | 'email_twice_in_file'
  | 'value_too_long'
  | 'unsafe_character'
  | 'contact_exists'
  | 'backend_rejected'
  | 'contact_not_found';

export type IssueDetails = Record<string, string | number>;
