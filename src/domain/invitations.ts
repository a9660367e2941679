/** What a sending of invitations did, user by user (services/invitationService computes it, cards show it). */
export type SkipReason = 'recently_invited' | 'already_active';
export type InvitationFailure = 'send_failed' | 'user_not_found' | 'over_limit';

export interface InvitedUser {
  id: string;
  email: string;
  name: string;
}

export interface InvitationError {
  email: string;
  code: InvitationFailure;
  /** What went wrong, as the mail server or the network said it (send_failed). */
  message?: string;
}

export interface InvitationResult {
  dryRun: boolean;
  /** Sent (or, in a dry run, would be sent). */
  sent: number;
  skipped: number;
  failed: number;
  errors: InvitationError[];
  users: {
    sent: InvitedUser[];
    skipped: Array<InvitedUser & { reason: SkipReason; invitedAt?: string }>;
    failed: Array<InvitedUser & { code: InvitationFailure; message?: string }>;
  };
  /** The cap that applied (over_limit failures name it). */
  maxPerSend: number;
}
