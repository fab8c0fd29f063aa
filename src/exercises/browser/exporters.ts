/** The LMS exporters, as one chunk the export buttons load on their first click. */
export { moodleXml } from '../export/moodle';
export { formulasXml } from '../export/formulas';
export { gift } from '../export/gift';
