import { MAX_VALUE_LENGTH, unsafeCharacter } from './typedText';

/** Why a list request is refused; messages come from the catalogues (lists.errors). */
export type ListErrorCode =
  | 'list_name_required'
  | 'list_name_too_long'
  | 'list_text_unsafe'
  | 'list_description_too_long'
  | 'list_not_found'
  | 'list_name_taken'
  | 'too_many_lists'
  | 'contact_not_found'
  | 'lists_not_supported';

export class ListError extends Error {
  constructor(
    readonly code: ListErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'ListError';
  }
}

export const MAX_LIST_NAME_LENGTH = 80;

/** A list's name as it will be stored, or the reason it cannot be one. */
export function checkListName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new ListError('list_name_required');
  if (trimmed.length > MAX_LIST_NAME_LENGTH) throw new ListError('list_name_too_long', { length: trimmed.length, max: MAX_LIST_NAME_LENGTH });
  refuseUnsafe(trimmed, false);
  return trimmed;
}

/** A list's description as it will be stored (none when empty), or the reason it cannot be one. */
export function checkListDescription(description: string | undefined): string | undefined {
  const trimmed = description?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > MAX_VALUE_LENGTH) throw new ListError('list_description_too_long', { length: trimmed.length, max: MAX_VALUE_LENGTH });
  refuseUnsafe(trimmed, true);
  return trimmed;
}

function refuseUnsafe(value: string, multiline: boolean): void {
  const unsafe = unsafeCharacter(value, multiline);
  if (unsafe) throw new ListError('list_text_unsafe', { position: unsafe.position, character: unsafe.code });
}
