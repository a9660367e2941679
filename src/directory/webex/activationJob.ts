import { sleep, type WebexClient } from '../../webexApi/client';
import { WebexApiError } from '../../webexApi/errors';
import type { ActivationJobOutcome } from '../directory';

interface JobDetails {
  id: string;
  latestExecutionStatus?: string;
  latestExecutionExitCode?: string;
  counts?: { userResendInviteSent?: number; userResendInviteFailed?: number; userResendInviteSkipped?: number; totalUsers?: number };
}

interface JobErrorItem {
  itemNumber?: number;
  error?: { key?: string; message?: Array<{ description?: string; code?: string }> };
}

const RUNNING = new Set(['STARTING', 'STARTED', 'STOPPING', 'UNKNOWN']);

/** Starts the org's sendActivationEmails job, polls it to its end, and reads its errors. */
export async function runActivationJob(client: WebexClient, orgUuid: string, { pollMs, maxWaitMs }: { pollMs: number; maxWaitMs: number }): Promise<ActivationJobOutcome> {
  const base = `/identity/organizations/${orgUuid}/jobs/sendActivationEmails`;
  let job: JobDetails;
  try {
    job = (await client.request<JobDetails>('POST', base, { idempotent: false })).body;
  } catch (error) {
    if (error instanceof WebexApiError && error.kind === 'conflict') {
      throw new Error(`Webex is already sending activation e-mails for this org (one job at a time); try again in a few minutes. ${error.message}`);
    }
    throw error;
  }
  const deadline = Date.now() + maxWaitMs;
  while (RUNNING.has(job.latestExecutionStatus ?? 'UNKNOWN') && (job.latestExecutionExitCode ?? 'UNKNOWN') === 'UNKNOWN') {
    if (Date.now() > deadline) throw new Error(`The Webex activation-email job ${job.id} is still running after ${Math.round(maxWaitMs / 1000)} s; its result will show in Control Hub.`);
    await sleep(pollMs);
    job = (await client.request<JobDetails>('GET', `${base}/${encodeURIComponent(job.id)}/status`)).body;
  }
  const items = await client.list<JobErrorItem>(`${base}/${encodeURIComponent(job.id)}/errors`, { max: 100 });
  const errors = items.map((item) => {
    const message = item.error?.message?.[0];
    const description = message?.description ?? 'Unknown error';
    const email = description.match(/Error with\s+([^\s;]+@[^\s;]+?)\.?\s*$/i)?.[1] ?? description.match(/[^\s;:<>()]+@[^\s;:<>()]+\.[a-z]{2,}/i)?.[0];
    return { ...(email && { email }), code: message?.code ?? item.error?.key ?? 'unknown', message: description, suppressed: /suppressed|last 24 hours/i.test(description) };
  });
  const c = job.counts ?? {};
  return {
    jobId: job.id,
    exitCode: job.latestExecutionExitCode ?? job.latestExecutionStatus ?? 'UNKNOWN',
    counts: { sent: c.userResendInviteSent ?? 0, skipped: c.userResendInviteSkipped ?? 0, failed: c.userResendInviteFailed ?? 0, total: c.totalUsers ?? 0 },
    errors,
  };
}
