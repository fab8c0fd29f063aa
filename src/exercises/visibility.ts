/**
 * Whether this build carries hints and solutions. Instructors who publish the site to students
 * build with COURSE_SOLUTIONS=hide; then no hint or solution text reaches dist/ at all.
 */
export function solutionsHidden(value: string | undefined = process.env['COURSE_SOLUTIONS']): boolean {
  if (value === undefined || value === '' || value === 'show') return false;
  if (value === 'hide') return true;
  throw new Error(`COURSE_SOLUTIONS must be "show" or "hide", not "${value}"`);
}
