// "Download map": the whole world as PNG pictures, the game's minimap grid (2048 px of 12 m), through the job
// API: POST /api/v1/worlds, follow the job's progress, then link its biomes.png and terrain.png.
import { getJob, requestWorld } from './api.js';

const POLL_MS = 250;
const MINIMAP = { size: 2048, pixelSize: 12 };

/**
 * Asks for the world's pictures and waits for them. onProgress(fraction, status) is called while the job
 * runs; the answer is the job's PNG files [{ name, url, bytes }]. Throws with the service's detail on failure.
 */
export async function downloadWorldPictures(seedInt, onProgress) {
  const submitted = await requestWorld({ seedInt, size: MINIMAP.size, pixelSize: MINIMAP.pixelSize, formats: ['png'] });
  // The submission answers only the job's id and status; the job itself has the progress and the files.
  let job = await getJob(submitted.jobId);
  while (job.status === 'queued' || job.status === 'running') {
    onProgress(job.progress ?? 0, job.status);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await getJob(job.jobId);
  }
  if (job.status !== 'succeeded') {
    const reason = job.error ? job.error.message : job.status;
    throw new Error(`the map could not be made: ${reason}`);
  }
  const pictures = (job.files ?? []).filter((file) => file.name.endsWith('.png'));
  if (pictures.length === 0) {
    throw new Error('the map was made but has since left the cache; press “Download map” again.');
  }
  return pictures;
}

export const MINIMAP_GRID = MINIMAP;
