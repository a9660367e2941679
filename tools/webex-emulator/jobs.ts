import { randomUUID } from 'node:crypto';
import { webexId } from '../../src/webexApi/ids';
import { EmuHttpError, notFound, route, type EmuRoute } from './http';
import type { EmuJob, EmuJobError, EmuOrg } from './state';

const DAY_MS = 24 * 60 * 60 * 1000;
const BASE = '/identity/organizations/:orgId/jobs/sendActivationEmails';

export interface JobSettings {
  /** How long a job shows STARTED before COMPLETED. */
  durationMs: number;
  /** E-mails the job fails to send to (a test hook). */
  failingEmails: Set<string>;
}

function jobView(org: EmuOrg, job: EmuJob, now: number) {
  const done = now >= job.endsAt;
  const exit = !done ? 'UNKNOWN' : job.counts.userResendInviteFailed > 0 ? 'COMPLETED_WITH_ERRORS' : 'COMPLETED';
  return {
    name: 'resendinviteemail',
    id: job.id,
    trackingId: `EMU_${randomUUID()}`,
    sourceUserId: webexId('PEOPLE', randomUUID()),
    sourceCustomerId: webexId('ORGANIZATION', org.uuid),
    targetCustomerId: webexId('ORGANIZATION', org.uuid),
    instanceId: 1,
    jobExecutionStatus: [{ id: 1, startTime: job.startedAt, statusMessage: done ? 'COMPLETED' : 'STARTED', exitCode: exit }],
    latestExecutionStatus: done ? 'COMPLETED' : 'STARTED',
    latestExecutionExitCode: exit,
    counts: done ? job.counts : { userResendInviteSent: 0, userResendInviteFailed: 0, userResendInviteSkipped: 0, totalUsers: job.counts.totalUsers },
    allowAdminInviteEmails: true,
  };
}

function errorItem(itemNumber: number, code: string, description: string): EmuJobError {
  return { itemNumber, error: { key: code === 'ATLAS-600199' ? '304' : '500', message: [{ description, code, locationId: null }] }, trackingId: `EMU_${randomUUID()}` };
}

export function jobRoutes(settings: () => JobSettings): EmuRoute[] {
  const jobOf = (org: EmuOrg, id: string) => org.jobs.get(id) ?? notFound(`Job ${id} not found.`);
  return [
    route('POST', BASE, ({ org, now }) => {
      const t = now().getTime();
      if ([...org.jobs.values()].some((j) => t < j.endsAt)) {
        throw new EmuHttpError(409, 'A sendActivationEmails job is already running for this organization.');
      }
      const { durationMs, failingEmails } = settings();
      const pending = [...org.people.values()].filter((p) => p.pending);
      const job: EmuJob = {
        id: webexId('JOB_ID', randomUUID()),
        startedAt: new Date(t).toISOString(),
        endsAt: t + durationMs,
        counts: { userResendInviteSent: 0, userResendInviteFailed: 0, userResendInviteSkipped: 0, totalUsers: pending.length },
        errors: [],
      };
      pending.forEach((person, index) => {
        const uuid = Buffer.from(person.id, 'base64').toString('utf8').split('/').pop();
        if (person.invitedAt !== undefined && t - person.invitedAt < DAY_MS) {
          job.counts.userResendInviteSkipped++;
          job.errors.push(
            errorItem(
              index + 1,
              'ATLAS-600199',
              `Re-send invite for ${uuid} is suppressed as the user ${uuid} has already received an invitation email in last 24 hours ; Error with ${person.email}.`,
            ),
          );
        } else if (failingEmails.has(person.email.toLowerCase())) {
          job.counts.userResendInviteFailed++;
          job.errors.push(errorItem(index + 1, 'ATLAS-600500', `Failed to send the activation email to ${uuid} ; Error with ${person.email}.`));
        } else {
          job.counts.userResendInviteSent++;
          person.invitedAt = t;
        }
      });
      org.jobs.set(job.id, job);
      return { status: 202, body: jobView(org, job, t) };
    }),
    route('GET', `${BASE}/:jobId/status`, ({ org, params, now }) => ({ status: 200, body: jobView(org, jobOf(org, params.jobId), now().getTime()) })),
    route('GET', `${BASE}/:jobId/errors`, ({ org, params, page, now }) => {
      const job = jobOf(org, params.jobId);
      const { slice, headers } = page(now().getTime() >= job.endsAt ? job.errors : [], 100, 1000);
      return { status: 200, body: { items: slice }, headers };
    }),
  ];
}
