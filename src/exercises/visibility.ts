/**
 * Whether this build carries hints and solutions. Instructors who publish the site to students
 * build with COURSE_SOLUTIONS=hide (or COURSE_EDITION=exam); then no hint or solution text reaches dist/ at all.
 */
export function solutionsHidden(value: string | undefined = process.env['COURSE_SOLUTIONS']): boolean {
  // An exam edition carries no solutions either: a worked solution gives the answer away.
  if (examEdition()) return true;
  if (value === undefined || value === '' || value === 'show') return false;
  if (value === 'hide') return true;
  throw new Error(`COURSE_SOLUTIONS must be "show" or "hide", not "${value}"`);
}

/**
 * Whether this is the exam edition (COURSE_EDITION=exam): no expected value, reference sample or
 * verdict reaches dist/, and no hint or solution either, so a page (or its source) cannot tell a
 * student what is right. Students answer and hand in; the instructor grades with a full build.
 */
export function examEdition(value: string | undefined = process.env['COURSE_EDITION']): boolean {
  if (value === undefined || value === '' || value === 'full') return false;
  if (value === 'exam') return true;
  throw new Error(`COURSE_EDITION must be "full" or "exam", not "${value}"`);
}
