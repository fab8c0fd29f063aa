/**
 * Hints and the solution print this mark before themselves, so the exercise can put its answer
 * fields between the statement and the help that follows it (see Exercise.astro).
 */
export const SPLIT_MARK = '<!--exercise-help-->';
