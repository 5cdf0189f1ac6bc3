/**
 * Files the preview keeps beside its database (the simulated Jira's issue and project properties, the
 * Confluence macro's config) are replaced atomically: the new content is written to a temporary file
 * in the same directory, flushed to disk, and renamed over the old one (a rename within a directory is
 * atomic on POSIX file systems). A preview killed at any moment leaves the old file or the new one,
 * never a truncated mix; a temporary file left by a kill is never read.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The steps of a replacement, so tests can stop one part-way (as a kill would). */
export interface AtomicWriteSteps {
  /** Called after the temporary file is written and flushed, before the rename. */
  beforeRename?: (tempFile: string) => void;
}

let counter = 0;

/** Replaces `file` with `text` (UTF-8): write to a temporary file beside it, fsync, rename, fsync the directory. */
export function writeFileAtomic(file: string, text: string, steps: AtomicWriteSteps = {}): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${++counter}.tmp`);
  try {
    const fd = openSync(temp, 'w', 0o644);
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    steps.beforeRename?.(temp);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

/** Makes the rename itself durable; some platforms cannot open a directory for fsync, which changes nothing here. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported (e.g. Windows): the rename is still atomic, only its durability is left to the OS.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
