import { api } from '../../../lib/api';
import type { PointsProgramme } from '../types';

export const RESIDENCE_POINTS = 'residence-points';

/** The fact schema and criteria of the residence-points programme. */
export function getPointsProgramme(signal?: AbortSignal): Promise<PointsProgramme> {
  return api.get(`/api/programmes/${RESIDENCE_POINTS}`, { signal });
}
