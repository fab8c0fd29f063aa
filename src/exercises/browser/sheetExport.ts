/**
 * The export buttons of the sheet page and the sheet builder: each fetches the sheet's exercises
 * as the build describes them for export (/exercises/export/<id>.json), loads the exporters, and
 * downloads the file, all in this browser. The exporters load on the first click, so the pages
 * do not carry them.
 */
import type { ExportExercise, ExportSheet } from '../export/types';
import { downloadText, fileNameFrom } from './answersTools';

/** The sheet to export, or a sentence saying why there is none yet. */
export type SheetSource = () => { title: string; exercises: readonly string[] } | string;

const FORMATS = {
  'moodle-xml': { suffix: 'moodle.xml', type: 'application/xml', label: 'Moodle XML' },
  'formulas-xml': { suffix: 'formulas.xml', type: 'application/xml', label: 'Formulas XML' },
  gift: { suffix: 'gift.txt', type: 'text/plain', label: 'GIFT' },
} as const;
type Format = keyof typeof FORMATS;
const isFormat = (value: string | undefined): value is Format => value !== undefined && Object.hasOwn(FORMATS, value);

/** `week-3-moodle.xml`: the sheet's title as letters, digits and dashes, then the format. */
export const exportFileName = (title: string, format: Format): string =>
  fileNameFrom(title, 'sheet').replace(/-answers\.json$/, `-${FORMATS[format].suffix}`);

async function fetchExercise(base: string, id: string): Promise<ExportExercise> {
  const response = await fetch(`${base}${encodeURIComponent(id)}.json`);
  if (!response.ok) throw new Error(`exercise ${id} could not be fetched (${response.status})`);
  return (await response.json()) as ExportExercise;
}

export function initSheetExport(container: HTMLElement, source: SheetSource): void {
  const base = container.dataset['exportBase'] ?? '/exercises/export/';
  const status = container.querySelector<HTMLElement>('[data-export-status]')!;
  const noSolutions = container.querySelector<HTMLInputElement>('[data-export-no-solutions]');
  let busy = false;

  container.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-export]') : null;
    const format = button?.dataset['export'];
    if (!button || !isFormat(format) || busy) return;
    const sheet = source();
    if (typeof sheet === 'string') {
      status.textContent = sheet;
      return;
    }
    busy = true;
    status.textContent = `Making the ${FORMATS[format].label} file…`;
    try {
      const [exercises, exporters] = await Promise.all([
        Promise.all(sheet.exercises.map((id) => fetchExercise(base, id))),
        import('./exporters'),
      ]);
      const full: ExportSheet = { title: sheet.title, exercises };
      const options = { solutions: !(noSolutions?.checked ?? true) };
      const text =
        format === 'moodle-xml'
          ? exporters.moodleXml(full, options)
          : format === 'gift'
            ? exporters.gift(full, options)
            : exporters.formulasXml(full, options);
      if (text === null) {
        status.textContent =
          'This sheet asks for no formula this edition can export, so there is no Formulas file: the Moodle XML file has every question.';
        return;
      }
      const name = exportFileName(sheet.title, format);
      downloadText(name, text, FORMATS[format].type);
      const n = exercises.length;
      status.textContent = `Saved ${name}: ${n} exercise${n === 1 ? '' : 's'}${options.solutions ? ', with worked solutions as feedback' : ', without solutions'}.`;
    } catch {
      status.textContent = `The ${FORMATS[format].label} file could not be made: the exercises could not be fetched. Check your connection and try again.`;
    } finally {
      busy = false;
    }
  });
}
