import { readFile, writeFile } from 'node:fs/promises';

/**
 * Puts `section` (which starts with `start` and ends with `end`) into the doc at `path`: in place of the
 * previous one between those markers, or, the first time, where `firstPlace(doc)` says.
 */
export async function replaceSection(
  path: string,
  markers: { start: string; end: string },
  section: string,
  firstPlace: (doc: string) => string,
): Promise<void> {
  const doc = await readFile(path, 'utf8');
  const start = doc.indexOf(markers.start);
  const end = doc.indexOf(markers.end);
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start) + section + doc.slice(end + markers.end.length)
      : firstPlace(doc);
  await writeFile(path, next);
}
