// The life of one review assignment, as a table. An assignment is `assigned` until the reviewer submits
// (`submitted`, read-only) or it is `released`: a declared conflict, a hand unassignment, or the application
// going back to the firm. Released seats are filled by the next assignment run.
export type AssignmentStatus = 'assigned' | 'released' | 'submitted';
export type ReleaseReason = 'conflict' | 'unassigned' | 'returned';

/** Applications take reviewers while submitted (not yet assigned) or in review. */
export const REVIEWABLE_APPLICATION_STATUSES: string[] = ['submitted', 'in_review'];

/** A seat counts towards the panel while assigned or submitted. */
export const isActive = (status: AssignmentStatus) => status !== 'released';
