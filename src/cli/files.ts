/**
 * @fileoverview Files named on the command line, checked before any work: an input is stat-ed
 * before it is read (a 600 MB file is refused from its size, not read whole), and an output is
 * checked writable before training starts, so a finished run is never thrown away at the end.
 */
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from './args';

const MB = 1024 * 1024;

/** Sizes as the CSV importer writes them: "600.0 MB". */
export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

/** A one-line reason for a failed file-system call (ENOENT → "no such file"). */
function reason(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return ((err as Error).message ?? String(err)).split('\n')[0];
}

/**
 * Reads the file `path` given with `--flag`, after checking that it exists, is a regular file, is
 * readable and holds at most `maxBytes`. Throws UsageError naming the flag, the path and the problem.
 */
export async function readInputFile(flag: string, path: string, maxBytes: number): Promise<Uint8Array> {
  const cannot = (why: string) => new UsageError(`cannot read --${flag} ${path}: ${why}`);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw cannot('it is a folder, not a file');
    if (!info.isFile()) throw cannot('not a regular file');
    size = info.size;
    await access(path, constants.R_OK);
  } catch (err) {
    throw err instanceof UsageError ? err : cannot(reason(err));
  }
  if (size > maxBytes) throw new UsageError(`--${flag} ${path} is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}`);
  try {
    return await readFile(path);
  } catch (err) {
    throw cannot(reason(err));
  }
}

/**
 * Checks that `path` (given with `--flag`) can be written: an existing regular file we may write, or
 * a new name in a folder that exists and that we may write in. Writes nothing. Throws UsageError.
 */
export async function assertWritable(flag: string, path: string): Promise<void> {
  const cannot = (why: string) => new UsageError(`cannot write --${flag} ${path}: ${why}`);
  let exists = true;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw cannot('it is a folder; give a file name');
    if (!info.isFile()) throw cannot('not a regular file');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if ((err as { code?: string }).code !== 'ENOENT') throw cannot(reason(err));
    exists = false;
  }
  const target = exists ? path : dirname(resolve(path));
  try {
    if (!exists && !(await stat(target)).isDirectory()) throw cannot(`${target} is not a folder`);
    await access(target, constants.W_OK);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const why = reason(err);
    throw cannot(exists ? why : why === 'no such file' ? `the folder ${target} does not exist` : `the folder ${target}: ${why}`);
  }
}
