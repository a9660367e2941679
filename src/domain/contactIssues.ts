/** Stable codes of what can be wrong with one row of an import; messages come from the catalogues. */
export type RowIssueCode =
  | 'display_name_required'
  | 'contact_method_required'
  | 'phone_or_email_required'
  | 'phone_type_required'
  | 'phone_type_invalid'
  | 'phone_type_without_number'
  | 'phone_invalid'
  | 'phone_scientific_notation'
  | 'phone_lost_plus'
  | 'phone_not_valid'
  | 'extension_invalid'
  | 'email_invalid'
  | 'sip_invalid'
  | 'too_many_values'
  | 'unknown_column'
  | 'unknown_contact_uuid'
  | 'unknown_group'
  | 'duplicate_row'
  | 'email_in_use'
  | 'email_twice_in_file'
  | 'value_too_long';

export type IssueDetails = Record<string, string | number>;
