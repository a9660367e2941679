/** Webex ids are base64 of "ciscospark://<region>/<TYPE>/<uuid>" (padding dropped). */
export function webexId(type: string, uuid: string): string {
  return Buffer.from(`ciscospark://us/${type}/${uuid}`).toString('base64').replace(/=+$/, '');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The plain org UUID the contacts and identity APIs want in their path: the
 * id itself when it is one, else the last segment of the decoded base64 id.
 */
export function orgUuid(orgId: string): string {
  const trimmed = orgId.trim();
  if (isUuid(trimmed)) return trimmed.toLowerCase();
  const decoded = Buffer.from(trimmed, 'base64').toString('utf8');
  const slug = decoded.split('/').pop() ?? '';
  if (!decoded.startsWith('ciscospark://') || !isUuid(slug)) {
    throw new Error('WEBEX_ORG_ID is neither an org UUID nor a Webex org id (base64 "Y2lzY29zcGFyazovL3..."); copy it from Control Hub or GET /people/me.');
  }
  return slug.toLowerCase();
}
