/** The API path of one member of a team, for the member's own actions. */
export function memberPath(teamId: string, memberId: string): string {
  return `/api/talent-teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(memberId)}`;
}

/**
 * Where the signed consent form is downloaded. The contract names only the upload (POST); the
 * download is assumed at the same path with GET.
 */
export function consentFormUrl(teamId: string, memberId: string): string {
  return `${memberPath(teamId, memberId)}/consent-form`;
}
