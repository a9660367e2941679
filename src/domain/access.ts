/** Who may do what: admins everything, help-desk the day-to-day flows, anyone else nothing. */
export type Role = 'admin' | 'helpdesk';

/** Who writes: a person with a role, or someone activating their own account from an invitation link. */
export type ActorRole = Role | 'invitee';

export interface AccessLists {
  /** Lower-cased identifiers: Teams aadObjectId, e-mail/UPN, or channel user id. */
  admins: string[];
  helpdesk: string[];
  /** Local mode with no lists: everyone is admin (the start-up log warns). */
  open: boolean;
}

/** A role, and the identity it was granted on (what the audit records). */
export interface Access {
  role: Role;
  /** The lower-cased identifier that matched a list; in an open org, the first one given. */
  id: string;
}

/** What help-desk may do; everything else (imports, exportContacts, importHistory, deletions, lists, audit) is for admins. */
const HELPDESK_FLOWS = new Set(['addUser', 'assignNumber', 'listUsers', 'sendInvitations', 'contacts', 'help']);

/** The write only an invitee does, on their own account. */
export const ACTIVATE_USER = 'activateUser';

export function accessOf(identities: Array<string | undefined>, access: AccessLists): Access | undefined {
  const ids = identities.filter((id): id is string => Boolean(id?.trim())).map((id) => id.trim().toLowerCase());
  if (access.open) return { role: 'admin', id: ids[0] ?? 'anonymous' };
  const admin = ids.find((id) => access.admins.includes(id));
  if (admin) return { role: 'admin', id: admin };
  const helpdesk = ids.find((id) => access.helpdesk.includes(id));
  return helpdesk ? { role: 'helpdesk', id: helpdesk } : undefined;
}

export function roleOf(identities: Array<string | undefined>, access: AccessLists): Role | undefined {
  return accessOf(identities, access)?.role;
}

export function mayUse(role: ActorRole | undefined, flow: string): boolean {
  if (role === 'admin') return true;
  return role === 'helpdesk' && HELPDESK_FLOWS.has(flow);
}

/** A write is allowed to the role of the person asking for it now (checked again at the moment of every write). */
export function mayWrite(role: ActorRole | undefined, task: string): boolean {
  if (task === ACTIVATE_USER) return role === 'invitee';
  return mayUse(role, task);
}

/** E-mail/UPN entries need a look-up of the person's address (Teams sends ids only). */
export function listsNeedEmail(access: AccessLists): boolean {
  return !access.open && [...access.admins, ...access.helpdesk].some((id) => id.includes('@'));
}
