/**
 * An exercise as the LMS exports take it (see src/exercises/export): statement, hints and
 * solution as HTML with TeX source, and its answers, one JSON file per exercise, for the sheet
 * page and the sheet builder to fetch when an instructor downloads a sheet for Moodle. A build
 * without solutions writes neither hints, solutions nor expected formulas here either, and an
 * exam edition writes none of these files: they carry the answers (publish.ts), and the exam's
 * pages offer no export.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getExercises } from '../../../course/exercises';
import { exportExercise } from '../../../exercises/export/statement';
import { isLineAnswer } from '../../../exercises/spec';
import { examEdition, solutionsHidden } from '../../../exercises/visibility';

export const getStaticPaths = (async () =>
  (examEdition() ? [] : await getExercises()).map((exercise) => ({
    params: { id: exercise.entry.id },
    props: { exercise },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => {
  const { entry, number } = props.exercise;
  const data = exportExercise(
    // The LMS formats have no question for a derivation in steps: its one-line answers go.
    {
      id: entry.id,
      title: entry.data.title,
      number,
      answers: entry.data.answers.filter(isLineAnswer),
      body: entry.body ?? '',
    },
    !solutionsHidden(),
  );
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
