/**
 * Per-shard positions of the stream pollers, kept in a JSON file under the data directory so
 * a restart resumes after the last record a handler accepted: no replay, no loss.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ShardCheckpoint {
  /** The last sequence number handled (successfully, or given up after the retries). */
  sequenceNumber?: string;
  /** The shard is closed and fully read: its children may start. */
  finished?: boolean;
}

type Checkpoints = Record<string, Record<string, ShardCheckpoint>>;

export interface CheckpointStore {
  get(streamArn: string, shardId: string): ShardCheckpoint;
  set(streamArn: string, shardId: string, checkpoint: ShardCheckpoint): Promise<void>;
}

export const openCheckpointStore = async (file: string): Promise<CheckpointStore> => {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '{}';
    throw error;
  });
  const checkpoints = JSON.parse(text) as Checkpoints;
  let writing: Promise<void> = Promise.resolve();

  // Writes are serialised and atomic (temp file + rename): a crash mid-write keeps the old file.
  const persist = (): Promise<void> => {
    writing = writing.then(async () => {
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(checkpoints, null, 2));
      await rename(temp, file);
    });
    return writing;
  };

  return {
    get: (streamArn, shardId) => ({ ...checkpoints[streamArn]?.[shardId] }),
    set: (streamArn, shardId, checkpoint) => {
      (checkpoints[streamArn] ??= {})[shardId] = { ...checkpoint };
      return persist();
    },
  };
};
