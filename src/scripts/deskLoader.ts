import { whenUsed } from '../display/whenUsed';

/**
 * A lesson page's progress code (desk.ts) loads on the first sign of a reader (a scroll, a
 * pointer, a key, a touch): it is not needed to read, and the lesson's up-front script has a
 * budget (layout.spec.ts).
 */
export const initLessonDeskLoader = () =>
  whenUsed(
    document,
    ['scroll', 'pointermove', 'keydown', 'touchstart'],
    () => import('./desk'),
    ({ initLessonDesk }) => initLessonDesk(),
    () => true,
  );
