/** Who may do what: admins everything, help-desk the day-to-day flows, anyone else nothing. */
export type Role = 'admin' | 'helpdesk';

export interface AccessLists {
  /** Lower-cased identifiers: Teams aadObjectId, e-mail/UPN, or channel user id. */
  admins: string[];
  helpdesk: string[];
  /** Local mode with no lists: everyone is admin (the start-up log warns). */
  open: boolean;
}

/** What help-desk may do; everything else (imports, exportContacts, importHistory, deletions, lists, audit) is for admins. */
const HELPDESK_FLOWS = new Set(['addUser', 'assignNumber', 'listUsers', 'sendInvitations', 'contacts', 'help']);

export function roleOf(identities: Array<string | undefined>, access: AccessLists): Role | undefined {
  if (access.open) return 'admin';
  const ids = identities.filter((id): id is string => Boolean(id)).map((id) => id.trim().toLowerCase());
  if (ids.some((id) => access.admins.includes(id))) return 'admin';
  if (ids.some((id) => access.helpdesk.includes(id))) return 'helpdesk';
  return undefined;
}

export function mayUse(role: Role | undefined, flow: string): boolean {
  if (role === 'admin') return true;
  return role === 'helpdesk' && HELPDESK_FLOWS.has(flow);
}

/** E-mail/UPN entries need a look-up of the person's address (Teams sends ids only). */
export function listsNeedEmail(access: AccessLists): boolean {
  return !access.open && [...access.admins, ...access.helpdesk].some((id) => id.includes('@'));
}
