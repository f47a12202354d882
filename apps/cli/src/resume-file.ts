import { readFile, rm, writeFile } from 'node:fs/promises';
import type { ResumeData } from '@dl/node';

/** Where `--continue` keeps what an interrupted download needs: beside the target, the user's own. */
export const resumeFileOf = (target: string) => `${target}.dl-resume`;

/** The stored resume data for `target`, if an earlier `--continue` run left some. */
export async function readResumeFile(target: string): Promise<ResumeData | undefined> {
  const text = await readFile(resumeFileOf(target), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as ResumeData;
  } catch {
    return undefined;
  }
}

export async function writeResumeFile(target: string, data: ResumeData): Promise<void> {
  await writeFile(resumeFileOf(target), JSON.stringify(data), { mode: 0o600 });
}

export async function removeResumeFile(target: string): Promise<void> {
  await rm(resumeFileOf(target), { force: true });
}
